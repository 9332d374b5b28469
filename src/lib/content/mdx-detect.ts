/**
 * Decides which pipeline renders an article body.
 *
 * Most articles are prose: rendering them through Astro's Markdown pipeline
 * (cached by the content layer) avoids bundling one module per article, which
 * is what makes a plain 10,000-file MDX site run out of memory. A body goes to
 * the MDX compiler only when MDX would read it differently from Markdown:
 * ESM (import/export), JSX or HTML (`<`), expressions (`{` `}`), or indented
 * code (which MDX does not have). Backslash-escaped characters and code spans
 * or fences read the same in both.
 */
export function needsMdx(body: string): boolean {
  const prose = stripCode(body);
  if (/^(import|export)\s/m.test(prose)) return true;
  if (/(^|[^\\])[<{}]/.test(prose)) return true;
  if (/^(?: {4}|\t)\S/m.test(prose)) return true;
  return false;
}

/**
 * Slugs routed to the MDX compiler although their body does not need it:
 * `FEIGONG_FORCE_MDX=slug-a,slug-b`. The build test uses it to prove both
 * pipelines give the same HTML for the same body.
 */
export function forcedMdx(slug: string): boolean {
  const list = process.env.FEIGONG_FORCE_MDX;
  return (
    !!list &&
    list
      .split(',')
      .map((s) => s.trim())
      .includes(slug)
  );
}

/** Removes fenced code blocks and inline code spans. */
function stripCode(body: string): string {
  return body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/(`+)[^`\n]*?\1/g, '');
}

/**
 * Enough of the body's start for an excerpt: the regexes below scan ahead and
 * would take quadratic time over a whole pathological body.
 */
const EXCERPT_SOURCE = 3000;

/** A short plain-text excerpt of a Markdown body, for lists and meta tags. */
export function plainExcerpt(body: string, max = 120): string {
  const head =
    body.length > EXCERPT_SOURCE
      ? body.slice(0, body.lastIndexOf('\n', EXCERPT_SOURCE) + 1 || EXCERPT_SOURCE)
      : body;
  const text = stripCode(head)
    .replace(/^(import|export)\s.*$/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[\^[^\]]+\]:?.*$/gm, '')
    .replace(/<[^>]+>/g, '')
    .replace(/^\s*(#{1,6}|[-*+]|\d+\.|>|\|)\s?/gm, '')
    .replace(/[|*_~\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
