/**
 * The date-and-hash file name for an article that has no pinyin name:
 * `20150324-1a2b3c4d`, the date and the first 8 hex digits of the SHA-256 of
 * the normalized title. Free of Node APIs so the web editor computes the same
 * name in the browser (with crypto.subtle) as the importer and `npm run new`.
 */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').replace(/\s+/g, '');
}

export function dateHashSlug(isoDay: string, titleSha256Hex: string): string {
  return `${isoDay.replace(/-/g, '')}-${titleSha256Hex.slice(0, 8)}`;
}
