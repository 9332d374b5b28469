/**
 * Every internal URL is built here, so routes, feeds, the sitemap and the
 * snapshot agree. Paths end in `/` (Astro's directory format).
 */
export const DEFAULT_SITE_URL = 'https://www.fgdjw.com.cn';

/** Public origin of the portal: `SITE_URL`, or the default. */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env.SITE_URL?.trim() || DEFAULT_SITE_URL;
  return raw.replace(/\/+$/, '');
}

export const articlePath = (slug: string) => `/articles/${slug}/`;
export const channelPath = (id: string, page = 1) =>
  page <= 1 ? `/channel/${id}/` : `/channel/${id}/${page}/`;
export const channelFeedPath = (id: string) => `/channel/${id}/rss.xml`;
export const feedPath = () => '/rss.xml';
export const noticesPath = () => '/notices/';
export const searchPath = () => '/search/';

/** rel for a link from a data file: absolute (external) URLs get noopener noreferrer. */
export const externalRel = (url: string) =>
  /^https?:\/\//i.test(url) ? 'noopener noreferrer' : undefined;

export function absoluteUrl(path: string, origin = siteUrl()): string {
  return new URL(path, `${origin}/`).href;
}
