import { Document, parse, Scalar } from 'yaml';

/**
 * The web editor's file format (a Decap custom format), shared by the browser
 * bundle and the tests: the same layout `npm run new` writes — title in double
 * quotes, the always-present fields, then only the optional fields that have a
 * value — so a file saved from the form looks like one written by hand, and
 * changing one field changes one line. Free of Node APIs (bundled for the browser).
 */

/**
 * Data key the editor's preSave hook fills with a new file's name (Decap's
 * slug templates can read entry data, not compute a hash); never written to the file.
 */
export const FILE_SLUG_KEY = '_file';
const HIDDEN = new Set(['body', FILE_SLUG_KEY]);

/** Written even when empty, as `npm run new` does. */
const ALWAYS = new Set(['title', 'date', 'source', 'author', 'editor', 'channel']);

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0);

export function articleToFile(data: Record<string, unknown>, keyOrder: readonly string[]): string {
  const { body = '', ...fields } = data;
  const keys = [
    ...keyOrder.filter((k) => k in fields),
    ...Object.keys(fields).filter((k) => !keyOrder.includes(k)),
  ].filter((k) => !HIDDEN.has(k));
  const fm: Record<string, unknown> = {};
  for (const k of keys) {
    const v = fields[k];
    if (ALWAYS.has(k)) fm[k] = v ?? '';
    else if (!isEmpty(v)) fm[k] = v;
  }
  const doc = new Document(fm);
  const title = doc.get('title', true);
  if (title instanceof Scalar) title.type = Scalar.QUOTE_DOUBLE;
  const text = String(body);
  return `---\n${doc.toString({ lineWidth: 0 })}---\n\n${text}${text.endsWith('\n') ? '' : '\n'}`;
}

/** Frontmatter and body of a file; the blank line after the frontmatter is layout, not body. */
export function articleFromFile(text: string): Record<string, unknown> {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n?---(?:\n|$)/.exec(src);
  if (!m) return { body: src };
  const fm: unknown = parse(m[1] ?? '') ?? {};
  const body = src.slice(m[0].length).replace(/^\n/, '');
  return { ...(typeof fm === 'object' && !Array.isArray(fm) ? fm : {}), body };
}
