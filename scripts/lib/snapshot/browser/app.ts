/**
 * The snapshot's search page, bundled as one classic script (no modules, no
 * fetch): both are blocked on file://. Index files are classic scripts too,
 * added as `<script>` tags only when a query needs them.
 */
import {
  capNote,
  capQuery,
  compareRanked,
  normalize,
  parseQuery,
  scoreDoc,
  suggestionCandidates,
  type RankedDoc,
  type SearchDoc,
} from '../../../../src/lib/search/query';
import { decodePostings, gramsForTerm, shardOf } from './grams';

interface Info {
  docCount: number;
  chunkSize: number;
  shards: number;
  channels: string[];
  docChannel: number[];
  docYear: number[];
}
interface Doc extends SearchDoc {
  path: string;
}
type Row = [id: string, path: string, title: string, date: string, channel: string, text: string];

const PAGE = 20;
let info: Info | null = null;
const keyShards = new Map<number, Record<string, string>>();
const chunks = new Map<number, Doc[]>();
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

const api = {
  init(i: Info) {
    info = i;
    start();
  },
  keys(n: number, keys: Record<string, string>) {
    keyShards.set(n, keys);
  },
  texts(n: number, rows: Row[]) {
    chunks.set(
      n,
      rows.map(([id, path, title, date, channel, text]) => ({
        id,
        path,
        title,
        date,
        channel,
        text,
      })),
    );
  },
};
(window as unknown as { FeigongOffline: typeof api }).FeigongOffline = api;

interface Query {
  q: string;
  channel: string;
  year: number | undefined;
  sort: 'relevance' | 'date';
}

/** Documents that hold every key of every term (a superset of the matches). */
async function candidates(terms: string[]): Promise<number[]> {
  const { docCount, shards } = info!;
  const keys = [...new Set(terms.flatMap(gramsForTerm))];
  await Promise.all(
    [...new Set(keys.map((k) => shardOf(k, shards)))].map((s) => load(`g/${s}.js`)),
  );
  let acc: Uint8Array | null = null;
  for (const k of keys) {
    const code = keyShards.get(shardOf(k, shards))![k];
    if (!code) return [];
    const bits = decodePostings(code, docCount);
    if (acc) for (let d = 0; d < docCount; d++) acc[d]! &= bits[d]!;
    else acc = bits;
  }
  const out: number[] = [];
  if (acc) for (let d = 0; d < docCount; d++) if (acc[d]) out.push(d);
  return out;
}

async function run(query: Query): Promise<{ terms: string[]; hits: RankedDoc<Doc>[] }> {
  const terms = parseQuery(query.q);
  if (!terms.length || !info) return { terms, hits: [] };
  const { chunkSize, channels, docChannel, docYear } = info;
  const wanted = (await candidates(terms)).filter(
    (d) =>
      (!query.channel || channels[docChannel[d]!] === query.channel) &&
      (!query.year || docYear[d] === query.year),
  );
  const needed = [...new Set(wanted.map((d) => Math.floor(d / chunkSize)))];
  await Promise.all(needed.map((c) => load(`t/${c}.js`)));
  const hits: RankedDoc<Doc>[] = [];
  for (const d of wanted) {
    const hit = scoreDoc(chunks.get(Math.floor(d / chunkSize))![d % chunkSize]!, terms);
    if (hit) hits.push(hit);
  }
  hits.sort((a, b) => compareRanked(a, b, query.sort));
  return { terms, hits };
}

/** The first shorter query (the shared contract's candidates, in order) that finds something. */
async function suggest(q: string): Promise<string | null> {
  for (const sub of suggestionCandidates(q)) {
    const found = await run({ q: `"${sub}"`, channel: '', year: undefined, sort: 'relevance' });
    if (found.hits.length) return sub;
  }
  return null;
}

function chineseDate(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${p(t.getUTCMonth() + 1)}月${p(t.getUTCDate())}日`;
}

/** About 90 characters of the body around the first term, terms marked. */
function excerpt(doc: Doc, terms: string[]): DocumentFragment {
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

function readQuery(): Query {
  const p = new URLSearchParams(location.search);
  const year = Number(p.get('year'));
  return {
    q: p.get('q') ?? '',
    channel: p.get('channel') ?? '',
    year: year > 0 ? year : undefined,
    sort: p.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

function fillForm(query: Query) {
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
  run(query).then(
    ({ terms, hits }) => {
      const note = capQuery(query.q).cut ? `（${capNote}）` : '';
      if (!hits.length) {
        status.textContent = `无结果：没有文章包含“${terms.join(' ')}”${note}。`;
        void suggest(query.q).then((alt) => {
          if (!alt) return;
          const a = el('a', undefined, alt);
          a.href = `index.html?q=${encodeURIComponent(alt)}`;
          status.append(' 试试：', a);
        });
        return;
      }
      status.textContent = `共找到 ${hits.length} 篇文章${note}。`;
      let shown = 0;
      const show = () => {
        for (const { doc } of hits.slice(shown, shown + PAGE)) {
          const li = el('li', 'result');
          const a = el('a', undefined, doc.title);
          a.href = `../${doc.path}`;
          const h = el('h2');
          h.append(a);
          li.append(
            h,
            el('p', 'result-meta', `${chineseDate(doc.date)}\u3000频道：${doc.channel}`),
          );
          const p = el('p', 'result-excerpt');
          p.append(excerpt(doc, terms));
          li.append(p);
          list.append(li);
        }
        shown += PAGE;
        more.hidden = shown >= hits.length;
      };
      more.onclick = show;
      show();
    },
    (err: Error) => {
      status.textContent = `搜索出错：${err.message}`;
    },
  );
}
