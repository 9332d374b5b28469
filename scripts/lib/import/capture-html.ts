import { parse, type HTMLElement } from 'node-html-parser';
import { checkAlias } from '../../../src/lib/schema/alias';
import { parseTextCapture } from './capture-text';
import type { ChannelName, ParseResult } from './legacy-page';

/**
 * A saved HTML page of the old site becomes the same line-oriented text as a
 * plain capture (one block element per line), so one parser reads both. The
 * page's old address, when the saved page kept it, becomes an alias.
 */
export function parseHtmlCapture(html: string, channels: readonly ChannelName[]): ParseResult {
  if (!html.trim()) return { ok: false, reason: '文件是空的' };
  let root: HTMLElement;
  try {
    root = parse(html, {
      comment: true,
      blockTextElements: { script: false, style: false, noscript: false, pre: true },
    });
  } catch (error) {
    return { ok: false, reason: `HTML 无法解析：${(error as Error).message}` };
  }
  if (!root.querySelector('body') && !root.querySelector('p, div'))
    return { ok: false, reason: '不是 HTML 页面（没有 body）' };
  for (const el of root.querySelectorAll('script, style, noscript, iframe, form')) el.remove();
  const body = root.querySelector('body') ?? root;
  const result = parseTextCapture(body.structuredText, channels);
  if (!result.ok) return result;
  const old = oldPathOf(html, root);
  if (old === undefined) return result;
  const alias = checkAlias(old);
  if (!alias.ok) {
    // A bad canonical (a template's `/*`, a query string …) must not become a redirect rule.
    const note = `旧网址 ${JSON.stringify(old)} 不能用作 aliases：${alias.message}，已略去`;
    return { ok: true, page: { ...result.page, notes: [...(result.page.notes ?? []), note] } };
  }
  return { ok: true, page: { ...result.page, oldPath: alias.path } };
}

/** The page's own address: a browser's "saved from url" note, canonical link or og:url. */
function oldPathOf(html: string, root: HTMLElement): string | undefined {
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1];
  const href =
    saved ??
    root.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    root.querySelector('meta[property="og:url"]')?.getAttribute('content');
  if (!href) return undefined;
  try {
    // Only the path of an http(s) address; its query and fragment are not part of it.
    const url = new URL(href.trim(), 'http://old.invalid/');
    if (!url.protocol.startsWith('http') || url.pathname === '/') return undefined;
    return url.pathname + url.search;
  } catch {
    return undefined;
  }
}

/** Saved pages of the old site are often GB2312/GBK; honour the declared charset. */
export function decodeCapture(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.length === 0) return { error: '文件是空的' };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  let declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  // Pages that declare gb2312 routinely use GBK/GB18030 characters; read them with the superset.
  if (declared && /^(gb2312|gbk|gb18030|x-gbk)$/.test(declared)) declared = 'gb18030';
  const tries =
    declared && declared !== 'utf-8' && declared !== 'utf8'
      ? [declared, 'utf-8']
      : ['utf-8', 'gb18030'];
  for (const label of tries) {
    try {
      return { text: new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes) };
    } catch {
      /* try the next encoding */
    }
  }
  return { error: `文件编码无法识别（试过 ${tries.join('、')}）` };
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body)\b/i.test(text);
}
