/**
 * The snapshot's search page, bundled as one classic script (no modules, no
 * fetch): both are blocked on file://. Index files are classic scripts too,
 * added as `<script>` tags only when a query needs them; engine.ts decides
 * which, within a fixed budget.
 */
import {
  capNote,
  capQuery,
  normalize,
  suggestionCandidates,
} from '../../../../src/lib/search/query';
import {
  Budget,
  decodeInfo,
  OfflineSearch,
  PAGE_SIZE,
  type OfflineDoc,
  type OfflineInfo,
  type OfflineLoader,
  type OfflineQuery,
  type RawOfflineInfo,
} from './engine';
import { ownKeyFile } from './grams';

/** User-timing mark when the first results (or 无结果) are on the page: what bench:snapshot measures. */
const FIRST_RESULTS = 'feigong-first-results';

type Row = [id: string, path: string, title: string, date: string, channel: string, text: string];

let info: OfflineInfo | null = null;
const shards = new Map<number, Record<string, string>>();
const ownKeys = new Map<string, string>();
const texts = new Map<number, OfflineDoc>();
const loading = new Map<string, Promise<void>>();

function load(src: string): Promise<void> {
  let p = loading.get(src);
  if (!p) {
    p = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = () => resolve();
      s.onerror = () => reject(new Error(`无法载入 ${src}`));
      document.head.appendChild(s);
    });
    loading.set(src, p);
  }
  return p;
}

/** Gives a loaded file's data, or fails when the file did not call the expected function. */
function got<T>(value: T | undefined, src: string): T {
  if (value === undefined) throw new Error(`索引文件有误：${src}`);
  return value;
}

const loader: OfflineLoader = {
  shard: (n) => load(`g/${n}.js`).then(() => got(shards.get(n), `g/${n}.js`)),
  ownKey: (file) => load(file).then(() => got(ownKeys.get(file), file)),
  text: (d) => load(`t/${d}.js`).then(() => got(texts.get(d), `t/${d}.js`)),
};

const api = {
  init(raw: RawOfflineInfo) {
    info = decodeInfo(raw);
    start();
  },
  keys(n: number, keys: Record<string, string>) {
    shards.set(n, keys);
  },
  key(gram: string, code: string) {
    ownKeys.set(ownKeyFile(gram), code);
  },
  text(n: number, [id, path, title, date, channel, text]: Row) {
    texts.set(n, { id, path, title, date, channel, text });
  },
};
(window as unknown as { FeigongOffline: typeof api }).FeigongOffline = api;

/** The first shorter query (the shared contract's candidates, in order) that finds something. */
async function suggest(query: OfflineQuery, budget: Budget): Promise<string | null> {
  for (const sub of suggestionCandidates(query.q)) {
    if (budget.spent >= budget.limit) break;
    const alt = await OfflineSearch.open(
      info!,
      loader,
      { q: `"${sub}"`, channel: '', year: undefined, sort: 'relevance' },
      budget,
    );
    if (await alt.any()) return sub;
  }
  return null;
}

function chineseDate(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${p(t.getUTCMonth() + 1)}月${p(t.getUTCDate())}日`;
}

/** About 90 characters of the body around the first term, terms marked. */
function excerpt(doc: OfflineDoc, terms: string[]): DocumentFragment {
  const chars = Array.from(doc.text);
  const norm = chars.map((c) => normalize(c) || ' ');
  const joined = norm.join('');
  // Map positions in the per-character normalized text back to characters.
  const starts: number[] = [];
  let pos = 0;
  for (const n of norm) {
    starts.push(pos);
    pos += n.length;
  }
  const charAt = (offset: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
    return i;
  };
  const first = Math.min(
    ...terms.map((t) => {
      const i = joined.indexOf(t);
      return i < 0 ? Infinity : i;
    }),
  );
  const from = Number.isFinite(first) ? Math.max(0, charAt(first) - 30) : 0;
  const to = Math.min(chars.length, from + 90);
  const frag = document.createDocumentFragment();
  if (from > 0) frag.append('…');
  let i = from;
  while (i < to) {
    const rest = norm.slice(i, to).join('');
    const term = terms.find((t) => rest.startsWith(t));
    if (term) {
      let len = 0,
        j = i;
      while (j < chars.length && len < term.length) {
        len += norm[j]!.length;
        j++;
      }
      const mark = document.createElement('mark');
      mark.textContent = chars.slice(i, j).join('');
      frag.append(mark);
      i = j;
    } else {
      frag.append(chars[i]!);
      i++;
    }
  }
  if (to < chars.length) frag.append('…');
  return frag;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text) e.textContent = text;
  return e;
}

function readQuery(): OfflineQuery {
  const p = new URLSearchParams(location.search);
  const year = Number(p.get('year'));
  return {
    q: p.get('q') ?? '',
    channel: p.get('channel') ?? '',
    year: year > 0 ? year : undefined,
    sort: p.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

function fillForm(query: OfflineQuery) {
  const form = document.getElementById('offline-search-form') as HTMLFormElement;
  const channel = form.elements.namedItem('channel') as HTMLSelectElement;
  const year = form.elements.namedItem('year') as HTMLSelectElement;
  for (const c of info!.channels) channel.append(new Option(c, c));
  for (const y of [...new Set(info!.docYear)].sort((a, b) => b - a))
    year.append(new Option(`${y}年`, String(y)));
  (form.elements.namedItem('q') as HTMLInputElement).value = query.q;
  channel.value = query.channel;
  year.value = query.year ? String(query.year) : '';
  (form.elements.namedItem('sort') as HTMLSelectElement).value = query.sort;
}

function countText(c: { n: number; exact: boolean }, note: string): string {
  return c.exact ? `共找到 ${c.n} 篇文章${note}。` : `找到约 ${c.n} 篇文章${note}。`;
}

function start() {
  const query = readQuery();
  fillForm(query);
  const status = document.getElementById('offline-status')!;
  const list = document.getElementById('offline-results')!;
  const more = document.getElementById('offline-more') as HTMLButtonElement;
  if (!query.q.trim()) {
    status.textContent = '请输入关键词。';
    return;
  }
  status.textContent = '正在搜索…';
  const note = capQuery(query.q).cut ? `（${capNote}）` : '';
  const fail = (err: Error) => {
    status.textContent = `搜索出错：${err.message}`;
  };
  const render = (hits: { doc: OfflineDoc }[], terms: string[]) => {
    for (const { doc } of hits) {
      const li = el('li', 'result');
      const a = el('a', undefined, doc.title);
      a.href = `../${doc.path}`;
      const h = el('h2');
      h.append(a);
      li.append(h, el('p', 'result-meta', `${chineseDate(doc.date)}\u3000频道：${doc.channel}`));
      const p = el('p', 'result-excerpt');
      p.append(excerpt(doc, terms));
      li.append(p);
      list.append(li);
    }
  };
  const budget = new Budget();
  OfflineSearch.open(info!, loader, query, budget)
    .then(async (search) => {
      const { terms } = search;
      let shown = 0;
      const first = await search.top(PAGE_SIZE);
      if (!first.hits.length && search.count().exact) {
        status.textContent = `无结果：没有文章包含“${terms.join(' ')}”${note}。`;
        performance.mark(FIRST_RESULTS);
        const alt = await suggest(query, budget);
        if (alt) {
          const a = el('a', undefined, alt);
          a.href = `index.html?q=${encodeURIComponent(alt)}`;
          status.append(' 试试：', a);
        }
        return;
      }
      let exact = first.exact;
      const update = () => {
        status.textContent = countText(search.count(), note);
        if (!exact) status.append('（只核对了部分候选文章，以上是其中最相关的）');
      };
      render(first.hits, terms);
      performance.mark(FIRST_RESULTS);
      shown = first.hits.length;
      update();
      more.hidden = shown >= search.count().n;
      more.onclick = () => {
        more.disabled = true;
        // Each 加载更多 may read up to the budget again.
        search.refill();
        search.top(shown + PAGE_SIZE).then((next) => {
          const before = shown;
          render(next.hits.slice(shown), terms);
          shown = next.hits.length;
          exact = next.exact;
          update();
          more.disabled = false;
          more.hidden = shown >= search.count().n || shown === before;
        }, fail);
      };
      // The exact count, when the remaining candidates fit in the budget.
      await search.finish();
      update();
      more.hidden = shown >= search.count().n;
    })
    .catch(fail);
}
