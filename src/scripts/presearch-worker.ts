/**
 * The header box's search worker, started by public/js/reader.js when a
 * reader focuses the box on any page: it opens the index and, as the reader
 * types, runs the search page's own search (engine.ts) for the latest query,
 * one at a time, and posts its first page of results (handoff.ts). Pagefind's
 * WebAssembly runs here, not in the article page: this script is served from
 * /search/ with the search page's CSP ('wasm-unsafe-eval'), the article page
 * keeps its own. Bundled by src/integrations/browser-scripts.ts to /search/presearch.js.
 */
import { directoryAnswersNone, runSearch, type SearchIndex } from '../lib/search/engine';
import { PAGE_SIZE, toHandoff } from '../lib/search/handoff';
import { openSearchIndex } from '../lib/search/open-index';

interface Request {
  q: string;
}

// Pagefind's loader reads window.location and document, which a worker lacks.
const g = globalThis as Record<string, unknown>;
if (!('window' in g)) g.window = globalThis;
if (!('document' in g)) g.document = undefined;

const origin = (globalThis as unknown as { location: Location }).location.origin;
const post = (m: unknown) => (globalThis as unknown as Worker).postMessage(m);

let index: Promise<SearchIndex> | null = null;
let latest = '';
let busy = false;
/** The query pump() took last: it is not taken again until another is typed. */
let taken = '';
/** Pagefind has searched on this thread (so it runs warm: no warm-up needed). */
let searched = false;

async function pump(): Promise<void> {
  if (busy || !index) return;
  busy = true;
  try {
    // Opening the index starts Pagefind's entry, metadata and WebAssembly (open-index.ts):
    // everything a first query needs, while the reader is still typing it.
    const opened = await index;
    if (!latest) await opened.pagefind();
    // Only the newest query is searched; those typed meanwhile are skipped.
    for (let q = latest; q && q !== taken; q = latest) {
      taken = q;
      // A first page ranked at build time is posted by answerEarly(), not searched.
      if (await opened.firstPage?.({ q, sort: 'relevance' })) continue;
      const set = await runSearch(opened, { q, sort: 'relevance' });
      searched = true;
      // Typed on meanwhile: its results would be dropped, so its fragments are not read.
      if (latest !== q) continue;
      const hits = await set.next(PAGE_SIZE);
      // Pagefind gives URLs with this worker's origin; the search page links by path.
      for (const { doc } of hits)
        if (doc.url.startsWith(origin)) doc.url = doc.id = doc.url.slice(origin.length);
      post({ type: 'results', handoff: toHandoff(q, hits, set, Date.now()) });
    }
    // Nothing searched yet (nothing typed, or only first pages): a throwaway search, so the
    // reader's next query runs on warm code. After a query typed meanwhile, not before it.
    if (!searched) await opened.warmUp?.();
  } catch (err: unknown) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  } finally {
    busy = false;
  }
  if (latest && latest !== taken) void pump(); // typed during the warm-up
}

/**
 * A query answered without a search, at once, even while the search of an
 * earlier prefix still runs (台 before 台风 scores most pages): a lone
 * common character's first page, ranked at build time (first-pages.ts), or
 * 无结果 from the word directory.
 */
async function answerEarly(q: string): Promise<void> {
  if (!q || !index) return;
  try {
    const opened = await index;
    const page = await opened.firstPage?.({ q, sort: 'relevance' });
    if (page) {
      if (latest !== q) return;
      const hits = page.hits.map((doc) => ({ doc }));
      post({ type: 'results', handoff: toHandoff(q, hits, countOf(page), Date.now()) });
      return;
    }
    if (!(await directoryAnswersNone(opened, q)) || latest !== q) return;
    post({
      type: 'results',
      handoff: toHandoff(q, [], countOf({ total: 0, exact: true }), Date.now()),
    });
  } catch {
    // pump() reports what fails
  }
}

const countOf = (c: { total: number; exact: boolean }) => ({
  total: () => c.total,
  exact: () => c.exact,
});

addEventListener('message', (e: MessageEvent<Request>) => {
  const { q } = e.data;
  latest = typeof q === 'string' ? q.trim() : '';
  index ??= openSearchIndex();
  void answerEarly(latest);
  void pump();
});
