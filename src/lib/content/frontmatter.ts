import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import type { Problem } from '../schema/messages';

export interface Frontmatter {
  data: Record<string, unknown>;
  /** 1-based line of each top-level key, for messages. */
  keyLines: Record<string, number>;
  body: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
}

/**
 * Splits `---` frontmatter from the body and parses it as YAML, reporting
 * problems with the file's own line numbers. Expects LF line endings.
 */
export function parseFrontmatter(
  file: string,
  src: string,
): { fm?: Frontmatter; problems: Problem[] } {
  const problems: Problem[] = [];
  const lines = src.split('\n');
  // No indent before it: Astro's reader for MDX bodies would not see the frontmatter.
  if (!/^---\s*$/.test(lines[0] ?? '')) {
    problems.push({
      file,
      line: 1,
      field: 'frontmatter',
      message: '文件开头缺少 frontmatter（第一行应为 ---）',
      expected: '---',
      found: JSON.stringify((lines[0] ?? '').slice(0, 40)),
    });
    return { problems };
  }
  const end = closingFence(lines);
  if (end < 0) {
    const dots = lines.findIndex((l, i) => i > 0 && /^\.\.\.\s*$/.test(l));
    if (dots > 0) {
      problems.push({
        file,
        line: dots + 1,
        field: 'frontmatter',
        message: 'frontmatter 要用 --- 结束，不能用 ...',
        expected: '---',
        found: '"..."',
      });
      return { problems };
    }
    problems.push({
      file,
      line: 1,
      field: 'frontmatter',
      message: 'frontmatter 没有结束：缺少第二个 --- 行',
      expected: '在字段之后单独一行 ---',
      found: '文件结束',
    });
    return { problems };
  }
  // Astro's own reader (which loads MDX bodies) ends the frontmatter at the first
  // line that starts with --- or +++; YAML's `...` would leave the body behind it.
  lines.slice(1, end).forEach((l, i) => {
    if (/^(---|\+\+\+|\.\.\.)/.test(l))
      problems.push({
        file,
        line: i + 2,
        field: 'frontmatter',
        message:
          l.trim() === '...'
            ? 'frontmatter 要用 --- 结束，不能用 ...'
            : 'frontmatter 里的一行不能以 ---、+++ 或 ... 开头',
        expected: '单独一行 --- 结束 frontmatter',
        found: JSON.stringify(l.slice(0, 40)),
      });
  });
  const yamlText = lines.slice(1, end).join('\n');
  // Full-width colons after a key are a common slip from Chinese input methods.
  lines.slice(1, end).forEach((l, i) => {
    const m = /^\s*([A-Za-z_][\w-]*)\s*：/.exec(l);
    if (m)
      problems.push({
        file,
        line: i + 2,
        field: m[1]!,
        message: '字段名后面用了中文冒号“：”，请改成英文冒号“:”加空格',
        expected: `${m[1]}: …`,
        found: JSON.stringify(l.trim().slice(0, 40)),
      });
  });
  lines.slice(1, end).forEach((l, i) => {
    if (/^ *\t/.test(l))
      problems.push({
        file,
        line: i + 2,
        field: 'frontmatter',
        message: 'frontmatter 不能用 Tab 缩进，请改用空格',
        expected: '空格',
        found: 'Tab',
      });
  });
  if (problems.length) return { problems };

  const counter = new LineCounter();
  const doc = parseDocument(yamlText, {
    lineCounter: counter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  // Warnings too: an unknown tag (`!foo`) is only a warning here but stops
  // the YAML reader Astro uses for MDX bodies.
  for (const err of [...doc.errors, ...doc.warnings]) {
    // The YAML starts on the file's line 2; LineCounter lines are 1-based.
    const line = counter.linePos(err.pos[0]).line + 1;
    const duplicate = err.code === 'DUPLICATE_KEY';
    problems.push({
      file,
      line,
      field: 'frontmatter',
      message: duplicate ? '同一个字段写了两次' : `YAML 格式错误：${err.message.split('\n')[0]}`,
    });
  }
  if (problems.length) return { problems };

  const data = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      file,
      line: 2,
      field: 'frontmatter',
      message: 'frontmatter 应是“字段: 值”的列表',
      expected: 'title: …',
      found: JSON.stringify(yamlText.slice(0, 40)),
    });
    return { problems };
  }
  const keyLines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isScalar(item.key) && item.key.range) {
        keyLines[String(item.key.value)] = counter.linePos(item.key.range[0]).line + 1;
      }
    }
  }
  return {
    fm: {
      data: data as Record<string, unknown>,
      keyLines,
      body: lines.slice(end + 1).join('\n'),
      bodyLine: end + 2,
    },
    problems,
  };
}

/**
 * The body, its first line and the top-level key lines of a file that was
 * already validated, without parsing YAML: enough for the checks across
 * articles (links, aliases) on a warm build.
 */
export function splitValidated(src: string): Pick<Frontmatter, 'body' | 'bodyLine' | 'keyLines'> {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const end = closingFence(lines);
  const keyLines: Record<string, number> = {};
  for (let i = 1; i < end; i++) {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i]!);
    if (m) keyLines[m[1]!] ??= i + 1;
  }
  return { body: lines.slice(end + 1).join('\n'), bodyLine: end + 2, keyLines };
}

/** Index of the line `---` that closes the frontmatter opened on line 0, or -1. */
export function closingFence(lines: readonly string[]): number {
  return lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l));
}

/** The body of an article file as Astro's MDX loader will see it (LF line endings). */
export function bodyOf(src: string): string | undefined {
  const lines = src.split('\n');
  if (!/^---\s*$/.test(lines[0] ?? '')) return undefined;
  const end = closingFence(lines);
  return end < 0 ? undefined : lines.slice(end + 1).join('\n');
}
