import {
  applyEdits,
  escapeAttr,
  parseHtml,
  SRCSET_ATTRS,
  URL_ATTRS,
  walkElements,
  type Edit,
} from './html';
import { srcsetToRelative, toRelative, type RewriteContext } from './urls';

/**
 * Rewrites every URL attribute of a page to a relative file reference and
 * inserts `insertAfterBodyStart` right after `<body>`. Splices the original
 * text at the parser's source offsets, so nothing else in the page changes.
 */
export function rewritePage(html: string, ctx: RewriteContext, insertAfterBodyStart = ''): string {
  const doc = parseHtml(html);
  const edits: Edit[] = [];
  walkElements(doc, (el) => {
    const loc = el.sourceCodeLocation;
    if (el.tagName === 'body' && insertAfterBodyStart && loc?.startTag) {
      edits.push({
        start: loc.startTag.endOffset,
        end: loc.startTag.endOffset,
        text: insertAfterBodyStart,
      });
    }
    // The canonical URL names the live page on purpose.
    if (
      el.tagName === 'link' &&
      el.attrs.some((a) => a.name === 'rel' && /\bcanonical\b/.test(a.value))
    )
      return;
    for (const a of el.attrs) {
      const isUrl = (URL_ATTRS as readonly string[]).includes(a.name);
      const isSrcset = (SRCSET_ATTRS as readonly string[]).includes(a.name);
      if (!isUrl && !isSrcset) continue;
      const next = isUrl ? toRelative(a.value, ctx) : srcsetToRelative(a.value, ctx);
      const span = loc?.attrs?.[a.name];
      if (next === a.value || !span) continue;
      edits.push({
        start: span.startOffset,
        end: span.endOffset,
        text: `${a.name}="${escapeAttr(next)}"`,
      });
    }
  });
  return applyEdits(html, edits);
}

/** Rewrites `url(/…)` in a stylesheet to paths relative to the stylesheet. */
export function rewriteCss(css: string, ctx: RewriteContext): string {
  return css.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (whole, q: string, url: string) => {
    const next = toRelative(url, ctx);
    return next === url ? whole : `url(${q}${next}${q})`;
  });
}
