import { articlePath, absoluteUrl } from './urls';
import { escapeHtml } from './escape-html';

/** One old address of the legacy site and the article it now lives at. */
export interface Redirect {
  from: string;
  to: string;
  title: string;
}

export function redirectsFor(
  articles: readonly { slug: string; title: string; aliases: readonly string[] }[],
): Redirect[] {
  return articles
    .flatMap((a) => a.aliases.map((from) => ({ from, to: articlePath(a.slug), title: a.title })))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** `_redirects` lines for CDNs that read one (Netlify, Cloudflare Pages): permanent moves. */
export function redirectsFile(redirects: readonly Redirect[]): string {
  return (
    redirects.map((r) => `${encodeURI(r.from)} ${r.to} 301`).join('\n') +
    (redirects.length ? '\n' : '')
  );
}

/** The file inside dist that answers an old path on a plain static host. */
export function redirectPagePath(from: string): string {
  const clean = from.replace(/[?#].*$/, '');
  if (clean.endsWith('/')) return `${clean}index.html`;
  return /\.[a-z0-9]+$/i.test(clean) ? clean : `${clean}/index.html`;
}

/** A tiny page that sends readers (and search engines, via canonical) to the new URL. */
export function redirectPage(r: Redirect, origin?: string): string {
  const url = absoluteUrl(r.to, origin);
  const title = escapeHtml(r.title);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeHtml(url)}">
<meta http-equiv="refresh" content="0; url=${escapeHtml(r.to)}">
</head>
<body>
<p>本页已迁移，请访问：<a href="${escapeHtml(r.to)}">${title}</a></p>
</body>
</html>
`;
}
