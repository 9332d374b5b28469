import { createHash } from 'node:crypto';
import { Document, Scalar } from 'yaml';
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

/** Fields an editor may have added after an import; a re-import keeps them. */
const KEPT = ['summary', 'cover', 'coverAlt', 'tags', 'related', 'draft', 'aliases'] as const;

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
  for (const key of KEPT) if (existing[key] !== undefined) fm[key] = existing[key];
  if (page.oldPath) {
    const aliases = Array.isArray(fm.aliases) ? (fm.aliases as unknown[]).map(String) : [];
    if (!aliases.includes(page.oldPath)) fm.aliases = [...aliases, page.oldPath];
  }
  const doc = new Document(fm);
  // Titles are quoted: old titles are full of colons, quotes and brackets.
  const title = doc.get('title', true) as Scalar;
  title.type = Scalar.QUOTE_DOUBLE;
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n\n${paragraphsToMdx(page.paragraphs)}\n`;
}
