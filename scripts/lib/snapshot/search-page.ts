import {
  applyEdits,
  attr,
  escapeAttr,
  escapeText,
  parseHtml,
  walkElements,
  type Edit,
} from './html';

/** The offline search page's `<main>`: a plain form read by `search/app.js`. */
const SEARCH_MAIN = `
<section class="offline-search">
  <h1>站内搜索（离线存档）</h1>
  <form id="offline-search-form" action="/search/" method="get" role="search">
    <p><label for="offline-q">关键词</label> <input id="offline-q" type="search" name="q" placeholder="例如：党群共建，或用引号搜索短语" />
    <button type="submit">搜索</button></p>
    <p><label for="offline-channel">频道</label> <select id="offline-channel" name="channel"><option value="">全部频道</option></select>
    <label for="offline-year">年份</label> <select id="offline-year" name="year"><option value="">全部年份</option></select>
    <label for="offline-sort">排序</label> <select id="offline-sort" name="sort"><option value="relevance">按相关度</option><option value="date">按日期（最新在前）</option></select></p>
  </form>
  <p id="offline-status" role="status">需要启用 JavaScript 才能搜索。</p>
  <ol id="offline-results" class="offline-results"></ol>
  <p><button id="offline-more" type="button" hidden>加载更多</button></p>
</section>
<script src="/search/app.js"></script>
<script src="/search/index.js"></script>
`;

/**
 * Makes the search page from another page of the same build (its header and
 * footer), replacing the title and `<main>`, and dropping any online search
 * scripts, which cannot run from file://.
 */
export function searchPageFrom(shellHtml: string, siteName: string, liveSearchUrl: string): string {
  const doc = parseHtml(shellHtml);
  const edits: Edit[] = [];
  walkElements(doc, (el) => {
    const loc = el.sourceCodeLocation;
    // The shell's canonical URL and "current page" mark belong to the shell page.
    const canonical = el.tagName === 'link' && /\bcanonical\b/.test(attr(el, 'rel') ?? '');
    const href = loc?.attrs?.href;
    if (canonical && href)
      edits.push({
        start: href.startOffset,
        end: href.endOffset,
        text: `href="${escapeAttr(liveSearchUrl)}"`,
      });
    const current = loc?.attrs?.['aria-current'];
    if (current && el.tagName === 'a')
      edits.push({ start: current.startOffset - 1, end: current.endOffset, text: '' });
    if (!loc?.startTag || !loc.endTag) return;
    if (el.tagName === 'title')
      edits.push({
        start: loc.startTag.endOffset,
        end: loc.endTag.startOffset,
        text: escapeText(`站内搜索 - ${siteName}`),
      });
    if (el.tagName === 'main')
      edits.push({ start: loc.startTag.endOffset, end: loc.endTag.startOffset, text: SEARCH_MAIN });
  });
  return applyEdits(shellHtml, edits);
}

/** The 离线存档 banner at the top of every page. */
export function noticeHtml(opts: { day: string; liveUrl: string; searchHref: string }): string {
  const style =
    'margin:0;padding:6px 12px;background:#fff7e0;border-bottom:1px solid #e8c96a;color:#5a4300;font-size:14px;text-align:center';
  return (
    `<div class="offline-notice" role="note" style="${style}">离线存档：本页是 ${escapeText(opts.day)} 保存的离线副本，内容可能已更新。` +
    `<a href="${escapeAttr(opts.liveUrl)}">查看在线版本</a> · <a href="${escapeAttr(opts.searchHref)}">离线搜索</a></div>`
  );
}
