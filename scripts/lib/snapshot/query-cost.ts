import { suggestionCandidates } from '../../../src/lib/search/query';
import {
  Budget,
  decodeInfo,
  OfflineSearch,
  PAGE_SIZE,
  type OfflineDoc,
  type OfflineInfo,
  type OfflineLoader,
  type RawOfflineInfo,
} from './browser/engine';
import { parseIndexCall } from './browser/grams';

/** An engine loader over the snapshot's files (paths under the snapshot root), recording what it reads. */
export function fileLoader(files: Map<string, Uint8Array | string>): {
  info: OfflineInfo;
  loader: OfflineLoader;
  loaded: Set<string>;
} {
  const loaded = new Set<string>();
  const call = (path: string) => {
    const body = files.get(path);
    if (body === undefined) throw new Error(`无法载入 ${path}`);
    loaded.add(path);
    return parseIndexCall(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'))
      .args;
  };
  const info = decodeInfo(call('search/index.js')[0] as RawOfflineInfo);
  const loader: OfflineLoader = {
    shard: async (n) => call(`search/g/${n}.js`)[1] as Record<string, string>,
    ownKey: async (file) => call(`search/${file}`)[1] as string,
    text: async (d) => {
      const [id, path, title, date, channel, text] = call(`search/t/${d}.js`)[1] as string[];
      return { id, path, title, date, channel, text } as OfflineDoc;
    },
  };
  return { info, loader, loaded };
}

/**
 * What the offline search page loads for a query, by running the page's own
 * engine over the snapshot's files: the page's scripts, the key files, the
 * texts read for the first page of results and for the exact count, and for
 * a query with no result the suggestions' files.
 */
export async function offlineQueryCost(
  files: Map<string, Uint8Array | string>,
  query: string,
): Promise<{ files: number; bytes: number; candidates: number; results: number; exact: boolean }> {
  const { info, loader, loaded } = fileLoader(files);
  for (const page of ['search/index.html', 'search/app.js']) if (files.has(page)) loaded.add(page);
  const budget = new Budget();
  const q = { q: query, channel: '', year: undefined, sort: 'relevance' as const };
  const s = await OfflineSearch.open(info, loader, q, budget);
  const { hits } = await s.top(PAGE_SIZE);
  await s.finish();
  if (!hits.length)
    for (const sub of suggestionCandidates(query)) {
      if (budget.spent >= budget.limit) break;
      const alt = await OfflineSearch.open(info, loader, { ...q, q: `"${sub}"` }, budget);
      if (await alt.any()) break;
    }
  const size = (p: string) => {
    const b = files.get(p)!;
    return typeof b === 'string' ? Buffer.byteLength(b) : b.length;
  };
  const count = s.count();
  return {
    files: loaded.size,
    bytes: [...loaded].reduce((sum, p) => sum + size(p), 0),
    candidates: s.candidateCount,
    results: count.n,
    exact: count.exact,
  };
}
