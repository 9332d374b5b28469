import { checkAlias } from './schema/alias';
import { articlePath, absoluteUrl } from './urls';
import { escapeHtml } from './escape-html';

/** One old address of the legacy site and the article it now lives at. */
export interface Redirect {
  from: string;
  to: string;
  title: string;
}

/**
 * One redirect per alias, in canonical (decoded) form. Aliases were checked
 * by the schema already; the build applies the same rule again, so no path a
 * host would read as a pattern ever reaches `_redirects` or the file system.
 */
export function redirectsFor(
  articles: readonly { slug: string; title: string; aliases: readonly string[] }[],
): Redirect[] {
  return articles
    .flatMap((a) =>
      a.aliases.map((raw) => {
        const alias = checkAlias(raw);
        if (!alias.ok) throw new Error(`redirects: ${JSON.stringify(raw)}: ${alias.message}`);
        return { from: alias.path, to: articlePath(a.slug), title: a.title };
      }),
    )
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * `_redirects` lines for CDNs that read one (Netlify, Cloudflare Pages):
 * permanent moves. A non-ASCII path gets a line in each form, the
 * percent-encoded one a browser sends and the raw UTF-8 one, so the rule
 * matches whichever form the host compares.
 */
export function redirectsFile(redirects: readonly Redirect[]): string {
  const lines = redirects.flatMap((r) => {
    const encoded = encodeURI(r.from);
    return encoded === r.from
      ? [`${r.from} ${r.to} 301`]
      : [`${encoded} ${r.to} 301`, `${r.from} ${r.to} 301`];
  });
  return lines.map((l) => `${l}\n`).join('');
}

/** The file inside dist that answers an old (canonical, decoded) path on a plain static host. */
export function redirectPagePath(from: string): string {
  if (from.endsWith('/')) return `${from}index.html`;
  return /\.[a-z0-9]+$/i.test(from) ? from : `${from}/index.html`;
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
