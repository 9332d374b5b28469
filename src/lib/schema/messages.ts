/**
 * Editor-facing problems. Every check (Astro loader, `npm run check`, tests)
 * reports through this one shape so the wording cannot drift apart.
 */
export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** Frontmatter key (English), or a pseudo-field such as `file` / `body`. */
  field: string;
  /** What is wrong, in Chinese. */
  message: string;
  expected?: string;
  found?: string;
}

/** `path:line: field: message (expected …, found …)` */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const detail: string[] = [];
  if (p.expected !== undefined) detail.push(`expected ${p.expected}`);
  if (p.found !== undefined) detail.push(`found ${p.found}`);
  return `${where}: ${p.field}: ${p.message}${detail.length ? ` (${detail.join(', ')})` : ''}`;
}

/** Shows a found value briefly and unambiguously (quotes, truncation). */
export function showValue(value: unknown): string {
  if (value === undefined) return '（缺失）';
  if (value === null) return '（空值）';
  let s =
    typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  if (s.length > 80) s = `${s.slice(0, 77)}…`;
  return s;
}

export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `内容有 ${problems.length} 处问题，请修改后重试 (content has ${problems.length} problem(s)):\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ContentError';
    // The message says everything an editor needs; a stack trace would only bury it.
    this.stack = this.message;
  }
}
