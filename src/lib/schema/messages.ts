/**
 * What every check reports: content checks (Astro loader, `npm run check`,
 * the importer) and site checks over a built site (`npm run check:site`) share
 * this one shape and its one format, so the wording cannot drift apart.
 */
export interface Problem {
  /**
   * Path relative to the project root, with forward slashes; for a site check,
   * the built file's site path (`/articles/x/index.html`).
   */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** Frontmatter key (English), or a pseudo-field such as `file` / `body`. */
  field?: string;
  /** The site check that found a problem in a built page; shown in place of a field. */
  check?: SiteCheck;
  /** What is wrong, in Chinese. */
  message: string;
  expected?: string;
  found?: string;
}

/** The checks `npm run check:site` runs over a built site. */
export type SiteCheck = 'links' | 'html' | 'budget';

/**
 * `path:line: field: message (expected …, found …)`; a site check's problem
 * reads `page: [check] message`.
 */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const what = p.check ? `[${p.check}]` : `${p.field}:`;
  const detail: string[] = [];
  if (p.expected !== undefined) detail.push(`expected ${p.expected}`);
  if (p.found !== undefined) detail.push(`found ${p.found}`);
  return `${where}: ${what} ${p.message}${detail.length ? ` (${detail.join(', ')})` : ''}`;
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
