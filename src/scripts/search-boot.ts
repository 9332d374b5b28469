/**
 * The search page's first script, loaded `async` from its <head> (bundled by
 * src/integrations/browser-scripts.ts to /search/boot.js). It opens the
 * index (Pagefind's loader, entry, WebAssembly and metadata; the segmenters)
 * and asks the word directory about the URL's query as soon as it arrives,
 * not when the page's module runs, which waits for the whole page to be
 * parsed and its style sheet loaded. The module (search-page.ts) then finds
 * the same index opening: openSearchIndex keeps one a page. Not when an
 * article page handed results over for this search: those are painted
 * first, and opening the index would take their frame (the module opens it
 * after).
 */
import { directoryAnswersNone, stateFromParams } from '../lib/search/engine';
import { willHandOver } from '../lib/search/handoff';
import { openSearchIndex } from '../lib/search/open-index';

const state = stateFromParams(new URLSearchParams(location.search));
// Without a query the page waits for the reader, as its module does.
if (state.q && !willHandOver(state, Date.now()))
  // Read once: the module's search of the same query reuses the buckets. A failure is
  // reported by the module when it searches.
  void openSearchIndex()
    .then((index) => directoryAnswersNone(index, state.q))
    .catch(() => undefined);
