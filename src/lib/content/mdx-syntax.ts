import { createProcessor } from '@mdx-js/mdx';
import type { Problem } from '../schema/messages';

const processor = createProcessor({ format: 'mdx' });

/**
 * Parses (does not compile) an MDX body so a syntax error is reported with the
 * file's own line number before Astro's bundler would stop on it.
 */
export function mdxSyntaxProblem(file: string, body: string, bodyLine: number): Problem | undefined {
  try {
    processor.parse(body);
    return undefined;
  } catch (error) {
    const e = error as { line?: number; reason?: string; message?: string; place?: { line?: number; start?: { line?: number } } };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line;
    return {
      file,
      line: line ? bodyLine + line - 1 : bodyLine,
      field: 'body',
      message: `MDX 语法错误：${(e.reason ?? e.message ?? String(error)).split('\n')[0]}。若要显示 < { } 字符本身，请在前面加反斜杠，例如 \\{`,
    };
  }
}
