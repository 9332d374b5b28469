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
  type Hit,
  type ResultSet,
  type SearchState,
  type SearchIndex,
} from '../lib/search/engine';
import { firstPageChar } from '../lib/search/first-pages';
import { HANDOFF_KEY, PAGE_SIZE as PAGE, readHandoff, type ShownPage } from '../lib/search/handoff';
import { openSearchIndex } from '../lib/search/open-index';
import { capNote, capQuery } from '../lib/search/query';

const FIELDS = ['q', 'channel', 'year', 'sort'] as const;
const $ = <T extends Element>(sel: string) => document.querySelector<T>(sel)!;

let opened: Promise<SearchIndex> | null = null;
/** The index, opened once; `deferPagefind` when a first page may be shown before Pagefind is needed. */
const loadIndex = (deferPagefind = false) => (opened ??= openSearchIndex({ deferPagefind }));

const escape = (s: string) =>
  s.replace(
    /[&<>"]/g,
    (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as const)[c as '&']};`,
  );

/** After the next frame is painted (at most 100 ms: a hidden tab paints none). */
const painted = () =>
  new Promise<void>((done) => {
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 100);
  });

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
  /** Shown a first page ranked at build time: 加载更多 then searches, skipping what it showed. */
  let after: { state: SearchState; shown: Set<string> } | null = null;
  let generation = 0; // a newer search makes the results of an older one stale

  const show = (hits: readonly Hit[]) => {
    for (const doc of hits) {
      const li = document.createElement('li');
      li.innerHTML = `<h2><a href="${escape(doc.url)}">${escape(doc.title)}</a></h2>
        <p class="meta"><span>${escape(doc.day)}</span><span>频道：${escape(doc.channel)}</span><span>来源：${escape(doc.source)}</span></p>
        <p class="excerpt">${doc.excerpt}</p>`;
      list.append(li);
    }
  };

  /** The next page of results; `fresh` replaces what is shown (results handed over from an article page). */
  const render = async (mine: number, fresh = false) => {
    const hits = await set!.next(PAGE);
    if (mine !== generation) return 0;
    if (fresh) list.replaceChildren();
    show(hits.map((h) => h.doc));
    more.hidden = !set!.hasMore();
    return hits.length;
  };

  /** Results an article page's header box found while the reader typed (handoff.ts), if any for this search. */
  const handedOver = (state: SearchState) => {
    try {
      const raw = sessionStorage.getItem(HANDOFF_KEY);
      sessionStorage.removeItem(HANDOFF_KEY); // once: a reload or back/forward searches afresh
      return readHandoff(raw, state, Date.now());
    } catch {
      return null; // storage may be off
    }
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
    after = null;
    if (!state.q) {
      status.textContent = '输入词语后按“搜索”。';
      return;
    }
    status.textContent = '正在搜索…';
    delete status.dataset.count;
    delete status.dataset.countExact;
    delete status.dataset.handedOver;
    performance.clearMarks('search-results');
    performance.mark('search-start');
    const { q: searched, cut } = capQuery(state.q);
    const note = cut ? `（${capNote}）` : '';
    const heading = `“${searched}”的搜索结果${note}`;
    const count = (n: number, exact: boolean) => {
      status.textContent = `${heading}（${exact ? '共' : '约'} ${n} 篇）`;
      status.dataset.count = String(n);
      status.dataset.countExact = exact ? '1' : '0';
    };
    // Shown at once; the index opened below then takes over (same first page, 加载更多, the count).
    const none = `无结果：没有文章包含“${searched}”${note}。`;
    /** Results shown before the index is searched: handed over, or a first page. */
    const showEarly = async (early: ShownPage) => {
      list.replaceChildren();
      show(early.hits); // 加载更多 waits for the index below
      if (early.hits.length) count(early.total, early.exact);
      else status.textContent = none;
      status.dataset.handedOver = '1';
      performance.mark('search-results'); // read by npm run bench:search
      // Opening the index below compiles Pagefind and decodes its metadata on this thread:
      // these results get their first frame before that work.
      await painted();
    };
    const handed = handedOver(state);
    if (handed) await showEarly(handed);
    if (mine !== generation) return;
    // A lone common character: its first page was ranked at build time (first-pages.ts) and
    // is final; Pagefind is loaded after it is painted, and only searched for 加载更多.
    const ranked = firstPageChar(state)
      ? await loadIndex(true).then(
          (index) => index.firstPage?.(state) ?? null,
          () => null, // the manifest failed: the search below says so
        )
      : null;
    if (mine !== generation) return;
    if (ranked) {
      // The header box hands this very page over; anything else gives way to it.
      const same =
        handed && handed.hits.map((h) => h.url).join() === ranked.hits.map((h) => h.url).join();
      if (!same) await showEarly(ranked);
      if (mine !== generation) return;
      after = { state, shown: new Set(ranked.hits.map((h) => h.url)) };
      more.hidden = ranked.total <= ranked.hits.length;
      // The reader's next query then runs on a loaded, warm index (open-index.ts).
      void loadIndex().then(
        (index) => index.warmUp?.(),
        () => undefined,
      );
      return;
    }
    try {
      const index = await loadIndex();
      const found = await runSearch(index, state);
      if (mine !== generation) return;
      set = found;
      const shown = await render(mine, true);
      if (mine !== generation) return;
      if (!handed) performance.mark('search-results');
      if (shown === 0) {
        status.textContent = none;
        const alt = await suggest(index, state.q);
        if (alt && mine === generation) {
          const a = document.createElement('a');
          a.href = `/search/?q=${encodeURIComponent(alt)}`;
          a.textContent = alt;
          status.append(' 试试搜索 ', a, '？');
        }
        // 无结果 is often answered by the word directory alone, before Pagefind has searched
        // once; the reader's next query would pay its cold first search (open-index.ts).
        await painted();
        if (mine === generation) void index.warmUp?.();
      } else {
        count(found.total(), found.exact());
        // An estimate is corrected once the remaining candidates are read (when few enough),
        // after the results are painted: reading them (requests, then each fragment's
        // decompress and parse) on this thread had held that frame back 100–150 ms.
        if (!found.exact()) {
          await painted();
          if (mine !== generation) return;
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
    const mine = generation;
    try {
      if (!set && after) {
        const found = await runSearch(await loadIndex(), after.state, after.shown);
        if (mine !== generation) return;
        set = found;
      }
      if (set) await render(mine);
    } catch (err: unknown) {
      status.textContent = '搜索暂时不可用（索引加载失败）。';
      console.error(err);
    } finally {
      more.disabled = false;
    }
  });
  addEventListener('popstate', () => void run(new URLSearchParams(location.search)));
  void run(new URLSearchParams(location.search));
}
