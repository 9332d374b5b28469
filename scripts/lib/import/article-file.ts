import { createHash } from 'node:crypto';
import { Document, Scalar } from 'yaml';
import { checkAlias } from '../../../src/lib/schema/alias';
import { ARTICLE_FIELDS } from '../../../src/lib/schema/article';
import type { LegacyPage } from './legacy-page';
import { paragraphsToMdx } from './mdx-escape';
import { dateHashSlug, normalizeTitle } from '../slug-rule';

export { normalizeTitle };

/**
 * A stable ASCII slug for a page that has no article yet: the date and a hash
 * of the title (`20150324-1a2b3c4d`). It needs no transliteration and does not
 * change when the page is imported again.
 */
export function stableSlug(page: Pick<LegacyPage, 'date' | 'title'>): string {
  const hash = createHash('sha256').update(normalizeTitle(page.title)).digest('hex');
  return dateHashSlug(page.date, hash);
}

/**
 * The article file for an imported page. Fields that come from the page are
 * rewritten; fields only an editor sets are kept from `existing`, and the
 * page's old address joins `aliases`.
 */
export function renderArticleFile(
  page: LegacyPage,
  existing: Record<string, unknown> = {},
): string {
  const fm: Record<string, unknown> = {
    title: page.title,
    date: page.date,
    source: page.source,
    author: page.author,
    editor: page.editor,
    channel: page.channel,
  };
  // Every other field of the schema is the editor's: a re-import keeps it, in the schema's order.
  for (const key of ARTICLE_FIELDS)
    if (!(key in fm) && key !== 'importedFrom' && existing[key] !== undefined)
      fm[key] = existing[key];
  if (page.oldPath) {
    const aliases = Array.isArray(fm.aliases) ? (fm.aliases as unknown[]).map(String) : [];
    const known = aliases.map((a) => {
      const alias = checkAlias(a);
      return alias.ok ? alias.path : a;
    });
    if (!known.includes(page.oldPath)) fm.aliases = [...aliases, page.oldPath];
  }
  // Last, so a re-import knows this file as its own (import-pages.ts, importKey).
  if (typeof existing.importedFrom === 'string') fm.importedFrom = existing.importedFrom;
  const doc = new Document(fm);
  // Titles are quoted: old titles are full of colons, quotes and brackets.
  const title = doc.get('title', true) as Scalar;
  title.type = Scalar.QUOTE_DOUBLE;
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n\n${paragraphsToMdx(page.paragraphs)}\n`;
}
