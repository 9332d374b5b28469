/**
 * The search page in the browser: reads ?q=&channel=&year=&sort= from the
 * URL, runs src/lib/search/engine.ts over Pagefind and renders results.
 * Later searches on the page (the form, the filters, back/forward) run in
 * place with the Pagefind already loaded, and push the URL, so a search can
 * still be linked, bookmarked and reloaded.
 */
import {
  runSearch,
  suggest,
  type PagefindApi,
  type ResultSet,
  type SearchState,
  type ShardedIndex,
} from '../lib/search/engine';
import { MANIFEST_FILE, type ShardManifest } from '../lib/search/shards';
import { bundleFiles, ENTRY_TAG, entryUrl, type PagefindEntry } from '../lib/search/warm';
import { capNote, capQuery } from '../lib/search/query';

const PAGE = 10;
const FIELDS = ['q', 'channel', 'year', 'sort'] as const;
const $ = <T extends Element>(sel: string) => document.querySelector<T>(sel)!;

type PagefindModule = PagefindApi & {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
};

/** Fetches a file into the HTTP cache (read to the end, so the cache keeps all of it). */
const warm = (url: string) =>
  fetch(url)
    .then((r) => r.arrayBuffer())
    .catch(() => undefined); // Pagefind's own request reports any failure

/**
 * Pagefind (its runtime sits in the newest shard's bundle) plus the shard
 * list; older shards merge in on demand. Startup avoids round trips one
 * after another: with the shard list, the older shards' entry files and
 * metadata are asked for at once (warm.ts), while Pagefind fetches the
 * newest shard's and its WebAssembly; Pagefind opens the older shards only
 * once that is ready, and then finds their files in the HTTP cache. After an
 * article page's header box (public/js/reader.js) all of them are there already.
 */
async function openIndex(): Promise<ShardedIndex> {
  const root = '/pagefind/'; // written by the build; not part of Vite's graph
  const lang = document.documentElement.lang || 'unknown';
  const manifest = fetch(`${root}${MANIFEST_FILE}`).then((r) => r.json() as Promise<ShardManifest>);
  // The older shards: Pagefind opens them only once its WebAssembly is ready.
  void manifest.then((m) =>
    m.shards
      .filter((s) => s.path !== root)
      .map((s) =>
        fetch(entryUrl(s.path))
          .then((r) => r.json() as Promise<PagefindEntry>)
          .then((entry) => bundleFiles(s.path, entry, lang, false).map(warm))
          .catch(() => undefined),
      ),
  );
  const pagefind = (await import(/* @vite-ignore */ `${root}pagefind.js`)) as PagefindModule;
  // Before Pagefind starts: no worker (on this page its search answers sooner on the main
  // thread: no worker script to fetch and start, no copying thousands of results across),
  // and a stable entry URL (warm.ts).
  await pagefind.options({ noWorker: true, metaCacheTag: ENTRY_TAG });
  const { shards } = await manifest;
  const merged = new Map<string, Promise<void>>();
  return {
    pagefind,
    shards,
    load(shard) {
      if (shard.path === root) return Promise.resolve();
      let p = merged.get(shard.path);
      if (!p)
        merged.set(shard.path, (p = pagefind.mergeIndex(shard.path, { metaCacheTag: ENTRY_TAG })));
      return p;
    },
  };
}
let opened: Promise<ShardedIndex> | null = null;
const loadIndex = () => (opened ??= openIndex());

const escape = (s: string) =>
  s.replace(
    /[&<>"]/g,
    (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as const)[c as '&']};`,
  );

function stateOf(params: URLSearchParams): SearchState {
  return {
    q: params.get('q')?.trim() ?? '',
    channel: params.get('channel') || undefined,
    year: params.get('year') || undefined,
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

export function startSearchPage(): void {
  const root = $<HTMLElement>('[data-search-page]');
  if (root.dataset.dev) return; // astro dev: no index; the page explains why
  const form = $<HTMLFormElement>('[data-search-page-form]');
  const status = $<HTMLElement>('[data-search-status]');
  const list = $<HTMLOListElement>('[data-search-results]');
  const more = $<HTMLButtonElement>('[data-search-more]');
  const field = (name: string) =>
    form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;

  let set: ResultSet | null = null;
  let generation = 0; // a newer search makes the results of an older one stale

  const render = async (mine: number) => {
    const hits = await set!.next(PAGE);
    if (mine !== generation) return 0;
    for (const { doc } of hits) {
      const li = document.createElement('li');
      li.innerHTML = `<h2><a href="${escape(doc.url)}">${escape(doc.title)}</a></h2>
        <p class="meta"><span>${escape(doc.day)}</span><span>频道：${escape(doc.channel)}</span><span>来源：${escape(doc.source)}</span></p>
        <p class="excerpt">${doc.excerpt}</p>`;
      list.append(li);
    }
    more.hidden = !set!.hasMore();
    return hits.length;
  };

  const run = async (params: URLSearchParams) => {
    const mine = ++generation;
    for (const name of FIELDS) {
      const el = field(name);
      if (el)
        el.value =
          params.get(name) ??
          (el.tagName === 'SELECT' ? (el as HTMLSelectElement).options[0]!.value : '');
    }
    const state = stateOf(params);
    list.replaceChildren();
    more.hidden = true;
    set = null;
    if (!state.q) {
      status.textContent = '输入词语后按“搜索”。';
      return;
    }
    status.textContent = '正在搜索…';
    delete status.dataset.count;
    delete status.dataset.countExact;
    performance.clearMarks('search-results');
    performance.mark('search-start');
    try {
      const index = await loadIndex();
      const found = await runSearch(index, state);
      if (mine !== generation) return;
      set = found;
      const shown = await render(mine);
      if (mine !== generation) return;
      performance.mark('search-results'); // read by npm run bench:search
      const { q: searched, cut } = capQuery(state.q);
      const note = cut ? `（${capNote}）` : '';
      if (shown === 0) {
        status.textContent = `无结果：没有文章包含“${searched}”${note}。`;
        const alt = await suggest(index, state.q);
        if (alt && mine === generation) {
          const a = document.createElement('a');
          a.href = `/search/?q=${encodeURIComponent(alt)}`;
          a.textContent = alt;
          status.append(' 试试搜索 ', a, '？');
        }
      } else {
        const heading = `“${searched}”的搜索结果${note}`;
        const count = (n: number, exact: boolean) => {
          status.textContent = `${heading}（${exact ? '共' : '约'} ${n} 篇）`;
          status.dataset.count = String(n);
          status.dataset.countExact = exact ? '1' : '0';
        };
        count(found.total(), found.exact());
        // An estimate is corrected once the remaining candidates are read (when few enough).
        if (!found.exact()) {
          const n = await found.verifyCount();
          if (n !== null && mine === generation) {
            count(n, true);
            more.hidden = !found.hasMore();
          }
        }
      }
    } catch (err: unknown) {
      status.textContent = '搜索暂时不可用（索引加载失败）。';
      console.error(err);
    }
  };

  const urlOfForm = () => {
    const params = new URLSearchParams();
    for (const name of FIELDS) {
      const v = field(name)?.value.trim();
      if (v && !(name === 'sort' && v === 'relevance')) params.set(name, v);
    }
    return params;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const params = urlOfForm();
    history.pushState(null, '', `${location.pathname}?${params}`);
    void run(params);
  });
  // Filters and sort apply at once.
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).tagName === 'SELECT') form.requestSubmit();
  });
  more.addEventListener('click', async () => {
    more.disabled = true;
    await render(generation);
    more.disabled = false;
  });
  addEventListener('popstate', () => void run(new URLSearchParams(location.search)));
  void run(new URLSearchParams(location.search));
}
