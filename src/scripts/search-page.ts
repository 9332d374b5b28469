/**
 * The search page in the browser: reads ?q=&channel=&year=&sort= from the
 * URL, runs src/lib/search/engine.ts over Pagefind, renders results and
 * keeps the URL in step so a search can be linked and reloaded.
 */
import { runSearch, suggest, type PagefindApi, type ResultSet } from '../lib/search/engine';

const PAGE = 10;
const $ = <T extends Element>(sel: string) => document.querySelector<T>(sel)!;

async function loadPagefind(): Promise<PagefindApi> {
  const url = '/pagefind/pagefind.js'; // written by the build; not part of Vite's graph
  return (await import(/* @vite-ignore */ url)) as PagefindApi;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as const)[c as '&']};`);

export function startSearchPage(): void {
  const root = $<HTMLElement>('[data-search-page]');
  if (root.dataset.dev) return; // astro dev: no index; the page explains why
  const form = $<HTMLFormElement>('[data-search-page-form]');
  const status = $<HTMLElement>('[data-search-status]');
  const list = $<HTMLOListElement>('[data-search-results]');
  const more = $<HTMLButtonElement>('[data-search-more]');
  const params = new URLSearchParams(location.search);
  for (const name of ['q', 'channel', 'year', 'sort'] as const) {
    const el = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (el && params.get(name)) el.value = params.get(name)!;
  }
  // Filters and sort apply at once; the URL changes like a form submit would.
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).tagName === 'SELECT') form.requestSubmit();
  });
  const q = params.get('q')?.trim() ?? '';
  if (!q) return;
  let set: ResultSet | null = null;
  let shown = 0;
  const render = async () => {
    const hits = await set!.next(PAGE);
    for (const { doc } of hits) {
      const li = document.createElement('li');
      li.innerHTML = `<h2><a href="${escape(doc.url)}">${escape(doc.title)}</a></h2>
        <p class="meta"><span>${escape(doc.day)}</span><span>频道：${escape(doc.channel)}</span><span>来源：${escape(doc.source)}</span></p>
        <p class="excerpt">${doc.excerpt}</p>`;
      list.append(li);
    }
    shown += hits.length;
    more.hidden = !set!.hasMore();
    return hits.length;
  };
  status.textContent = '正在搜索…';
  performance.mark('search-start');
  loadPagefind()
    .then(async (pf) => {
      set = await runSearch(pf, {
        q,
        channel: params.get('channel') ?? undefined,
        year: params.get('year') ?? undefined,
        sort: params.get('sort') === 'date' ? 'date' : 'relevance',
      });
      await render();
      performance.mark('search-results'); // read by npm run bench:search
      if (shown === 0) {
        status.textContent = `无结果：没有文章包含“${q}”。`;
        const alt = await suggest(pf, q);
        if (alt) {
          const a = document.createElement('a');
          a.href = `/search/?q=${encodeURIComponent(alt)}`;
          a.textContent = alt;
          status.append(' 试试搜索 ', a, '？');
        }
      } else {
        status.textContent = `“${q}”的搜索结果${set.total > shown ? `（约 ${set.total} 篇）` : `（共 ${shown} 篇）`}`;
        status.dataset.count = String(set.total);
      }
      more.addEventListener('click', async () => {
        more.disabled = true;
        await render();
        more.disabled = false;
      });
    })
    .catch((err: unknown) => {
      status.textContent = '搜索暂时不可用（索引加载失败）。';
      console.error(err);
    });
}
