/**
 * Link check over a built site: every internal href/src/srcset (and meta
 * refresh target) in every page, and every URL in the feeds and sitemaps,
 * resolves to a file in the output; `#fragment`s name an element that exists;
 * external links carry rel="noopener noreferrer"; no `javascript:` URLs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { isHtml, listFiles, pageUrl, resolveUrlPath } from '../../../src/lib/site-files';
import type { Problem } from '../../../src/lib/schema/messages';

export interface LinkCheckOptions {
  /** The site's public origin (https://…): absolute URLs on it are internal. */
  origin?: string | undefined;
}

export interface LinkCheckResult {
  problems: Problem[];
  pages: number;
  /** Internal references checked (page links, assets, feed and sitemap URLs). */
  checked: number;
}

interface Ref {
  url: string;
  where: string;
  anchor?: { rel: string };
}

/** Attributes that point at a resource, per element (srcset is handled apart). */
const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  iframe: ['src'],
  source: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  input: ['src'],
};

/** The URLs in a srcset: comma-separated candidates of `url [descriptor]`. */
export function srcsetUrls(srcset: string): string[] {
  return [...srcset.matchAll(/\s*(\S+?)(?:\s+[^,]*)?(?:,|$)/g)].map((m) => m[1]!).filter(Boolean);
}

/** References and element ids of one HTML page. */
export function scanHtml(html: string): { refs: Ref[]; ids: Set<string> } {
  const refs: Ref[] = [];
  const ids = new Set<string>();
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (attrs.id) ids.add(attrs.id);
        if (name === 'a' && attrs.name) ids.add(attrs.name);
        for (const attr of URL_ATTRS[name] ?? []) {
          const v = attrs[attr];
          if (v === undefined) continue;
          refs.push({
            url: v,
            where: `<${name} ${attr}>`,
            ...(name === 'a' ? { anchor: { rel: attrs.rel ?? '' } } : {}),
          });
        }
        if ((name === 'img' || name === 'source') && attrs.srcset) {
          for (const u of srcsetUrls(attrs.srcset))
            refs.push({ url: u, where: `<${name} srcset>` });
        }
        if (name === 'meta' && attrs['http-equiv']?.toLowerCase() === 'refresh') {
          const m = /url\s*=\s*['"]?([^'"\s]+)/i.exec(attrs.content ?? '');
          if (m) refs.push({ url: m[1]!, where: '<meta refresh>' });
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { refs, ids };
}

/** URLs in an RSS feed or sitemap: <link>, <loc>, <guid isPermaLink> text and href attributes. */
export function scanXml(xml: string): Ref[] {
  const refs: Ref[] = [];
  let inTag: string | undefined;
  let text = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (attrs.href) refs.push({ url: attrs.href, where: `<${name} href>` });
        if (name === 'link' || name === 'loc') {
          inTag = name;
          text = '';
        }
      },
      ontext(t) {
        if (inTag) text += t;
      },
      onclosetag(name) {
        if (name === inTag) {
          if (text.trim()) refs.push({ url: text.trim(), where: `<${name}>` });
          inTag = undefined;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return refs;
}

export function checkLinks(dist: string, opts: LinkCheckOptions = {}): LinkCheckResult {
  const files = listFiles(dist);
  const fileSet = new Set(files);
  const origin = opts.origin ? new URL(opts.origin).origin : undefined;
  const problems: Problem[] = [];
  const idsByFile = new Map<string, Set<string>>();
  const pending: { page: string; ref: Ref; file: string; fragment: string }[] = [];
  let pages = 0;
  let checked = 0;

  for (const file of files) {
    const xml = file.endsWith('.xml');
    if (!isHtml(file) && !xml) continue;
    const source = readFileSync(join(dist, file), 'utf8');
    let refs: Ref[];
    if (xml) refs = scanXml(source);
    else {
      pages++;
      const scanned = scanHtml(source);
      idsByFile.set(file, scanned.ids);
      refs = scanned.refs;
    }
    const base = new URL(pageUrl(file), 'http://site.invalid');
    for (const ref of refs) {
      const raw = ref.url.trim();
      if (/^javascript:/i.test(raw)) {
        problems.push({
          file,
          check: 'links',
          message: `${ref.where} 使用了 javascript: 链接 (${raw.slice(0, 60)})`,
        });
        continue;
      }
      if (/^(mailto|tel|data|sms):/i.test(raw) || raw === '') continue;
      let url: URL;
      try {
        url = new URL(raw, base);
      } catch {
        problems.push({ file, check: 'links', message: `${ref.where} 链接格式错误: ${raw}` });
        continue;
      }
      const internal =
        url.origin === base.origin || (origin !== undefined && url.origin === origin);
      if (!internal) {
        if (ref.anchor && /^https?:$/.test(url.protocol)) {
          const rel = new Set(ref.anchor.rel.toLowerCase().split(/\s+/));
          if (!rel.has('noopener') || !rel.has('noreferrer')) {
            problems.push({
              file,
              check: 'links',
              message: `外部链接缺少 rel="noopener noreferrer": ${raw}`,
            });
          }
        }
        continue;
      }
      checked++;
      const target = resolveUrlPath(dist, url.pathname, fileSet);
      if (!target) {
        problems.push({
          file,
          check: 'links',
          message: `${ref.where} 指向不存在的文件: ${raw}`,
        });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && isHtml(target)) pending.push({ page: file, ref, file: target, fragment });
    }
  }
  // Fragments are checked once every page's ids are known.
  for (const p of pending) {
    if (p.fragment === 'top' || idsByFile.get(p.file)?.has(p.fragment)) continue;
    problems.push({
      file: p.page,
      check: 'links',
      message: `${p.ref.where} 的锚点 #${p.fragment} 在 ${p.file} 中不存在`,
    });
  }
  return { problems, pages, checked };
}
