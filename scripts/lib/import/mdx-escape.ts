/**
 * Escapes captured plain text so that MDX (and Markdown) render it exactly as
 * it was written: characters MDX reads as code or markup (`<` `{` `}`),
 * Markdown inline syntax, entities (`&amp;`) and block markers at the start
 * of a line (`#`, `>`, `-`, `1.`) get a backslash, which both pipelines drop.
 */
export function escapeMdxText(text: string): string {
  return (
    text
      .replace(/[\\`*_{}[\]<>|~&]/g, '\\$&')
      .replace(/^([#+=-])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
      // A paragraph opening with import/export is ESM to MDX; a character reference defuses it.
      .replace(/^import\b/, '&#x69;mport')
      .replace(/^export\b/, '&#x65;xport')
  );
}

/** One paragraph per line, blank lines between; internal whitespace runs collapsed. */
export function paragraphsToMdx(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => escapeMdxText(p.replace(/\s+/g, ' ').trim())).join('\n\n');
}
