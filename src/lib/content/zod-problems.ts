import type { z } from 'astro/zod';
import { showValue, type Problem } from '../schema/messages';

/**
 * Turns zod issues into editor-facing problems: the field, the line of its key,
 * what was expected and the value found. `knownKeys` (the schema's keys, e.g.
 * ARTICLE_FIELDS) is what an unknown key is reported against.
 */
export function zodProblems(
  file: string,
  error: z.ZodError,
  input: Record<string, unknown>,
  keyLines: Record<string, number> = {},
  firstLine = 1,
  knownKeys: readonly string[] = [],
): Problem[] {
  return error.issues.map((issue) => {
    const key = issue.path[0] === undefined ? '' : String(issue.path[0]);
    const field = issue.path.length ? issue.path.join('.') : 'frontmatter';
    let value: unknown = input;
    for (const part of issue.path)
      value = (value as Record<string | number, unknown> | undefined)?.[part];
    const problem: Problem = {
      file,
      line: keyLines[key] ?? firstLine,
      field,
      message: issue.message,
    };
    const params = (issue as { params?: { expected?: string; found?: string } }).params;
    if (params?.expected) problem.expected = params.expected;
    switch (issue.code) {
      case 'invalid_type':
        if (issue.received === 'undefined') {
          problem.message = issue.message.startsWith('缺少')
            ? issue.message
            : `缺少必填字段 ${field}`;
          problem.found = '（缺失）';
        } else {
          problem.expected = describeType(issue.expected);
          problem.found = showValue(value);
        }
        break;
      case 'unrecognized_keys':
        problem.message = `不认识的字段：${issue.keys.join(', ')}（是否拼错了？）`;
        problem.field = issue.keys[0] ?? field;
        problem.line = keyLines[issue.keys[0] ?? ''] ?? problem.line;
        if (knownKeys.length) problem.expected = knownKeys.join(', ');
        break;
      case 'invalid_enum_value':
        problem.expected = issue.options.join(', ');
        problem.found = showValue(value);
        break;
      default:
        if (value !== undefined)
          problem.found = showValue(
            value instanceof Date ? value.toISOString().slice(0, 10) : value,
          );
    }
    // A rule about one item of a list names that item rather than the whole list.
    if (params?.found !== undefined) problem.found = params.found;
    return problem;
  });
}

function describeType(t: string): string {
  return (
    (
      {
        string: '文字',
        number: '数字',
        boolean: 'true 或 false',
        array: '列表',
        object: '键值对',
        date: '日期',
      } as Record<string, string>
    )[t] ?? t
  );
}
