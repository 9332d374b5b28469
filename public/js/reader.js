// Reader tools: 字号 大/中/小 and 打印本页. A classic script (not a module) so it
// also runs in offline snapshots opened from file://. Without it the page reads fine.
// Also: the header search box warms the search page's files and searches while the reader
// types (see warmSearch and startPresearch below).
(function () {
  var root = document.documentElement;
  var KEY = 'feigong-font-size';
  var sizes = ['small', 'medium', 'large'];
  function apply(size) {
    if (sizes.indexOf(size) < 0) size = 'medium';
    root.setAttribute('data-font-size', size);
    var buttons = document.querySelectorAll('[data-font-size-set]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-font-size-set') === size));
    }
  }
  var saved = null;
  try { saved = localStorage.getItem(KEY); } catch (e) { /* storage may be off */ }
  if (saved) root.setAttribute('data-font-size', saved);
  root.classList.add('js');
  // Focus on the header search box prefetches what /search/ needs first (its script,
  // Pagefind's loader and WebAssembly, each shard's entry and metadata; kept 5 min without
  // revalidating): bytes only, nothing compiled here. As src/lib/search/warm.ts (same
  // ENTRY_TAG). Once a page; not from file:// (snapshots search their own index).
  var ENTRY_TAG = 'v1';
  var PAGEFIND = '/pagefind/';
  var warmed = false;
  function prefetch(href) {
    var link = document.createElement('link');
    link.rel = 'prefetch';
    link.href = href;
    document.head.appendChild(link);
  }
  function getText(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.text();
    });
  }
  function pickIndex(entry, lang) {
    var langs = entry.languages || {};
    var l = lang.toLowerCase();
    var best = langs[l] || langs[l.split('-')[0]];
    if (best) return best;
    for (var k in langs) if (!best || langs[k].page_count > best.page_count) best = langs[k];
    return best;
  }
  function warmIndex(lang) {
    return getText(PAGEFIND + 'pagefind-entry.json?ts=' + ENTRY_TAG).then(function (text) {
      var index = pickIndex(JSON.parse(text), lang);
      if (!index) return;
      prefetch(PAGEFIND + 'pagefind.' + index.hash + '.pf_meta');
      prefetch(PAGEFIND + 'wasm.' + (index.wasm || 'unknown') + '.pagefind');
    });
  }
  function warmSearch(form) {
    if (warmed || !/^https?:$/.test(location.protocol) || !window.fetch) return;
    if (navigator.connection && navigator.connection.saveData) return; // the reader asked to save data
    warmed = true;
    var lang = root.getAttribute('lang') || 'unknown';
    var ignore = function () { /* the search page fetches for itself */ };
    // The search page's script and style (hashed names), from its HTML.
    getText(form.getAttribute('action') || '/search/').then(function (html) {
      var re = /<(?:script[^>]*\ssrc|link[^>]*\shref)="(\/_astro\/[^"]+\.(?:js|css))"/g;
      for (var m = re.exec(html); m; m = re.exec(html)) prefetch(m[1]);
    }).catch(ignore);
    // The worker's Pagefind fetches the index files itself (into the same HTTP cache).
    if (startPresearch(form)) return;
    prefetch(PAGEFIND + 'pagefind.js');
    prefetch(PAGEFIND + 'manifest.json');
    warmIndex(lang).catch(ignore);
  }
  // While the reader types, a worker (/search/presearch.js, src/scripts/presearch-worker.ts)
  // runs the search page's search for the latest query and the page keeps its first results
  // in sessionStorage (src/lib/search/handoff.ts); after Enter the search page shows them at
  // once. Pagefind's WebAssembly runs in the worker, under the search page's CSP; this page's
  // CSP stays as it is. Enter waits for the worker's answer to the query at most HOLD_MS: the
  // worker may still be opening the index, and leaving the page would throw its work away.
  var HANDOFF_KEY = 'feigong-presearch';
  var HOLD_MS = 600;
  var presearch = null;
  function startPresearch(form) {
    var input = form.querySelector('input[name="q"]');
    if (presearch || !input || !window.Worker || !window.sessionStorage) return false;
    var worker;
    try {
      worker = new Worker((form.getAttribute('action') || '/search/') + 'presearch.js', { type: 'module' });
    } catch (e) { return false; }
    var state = { failed: false, asked: '', found: '', waiting: null };
    presearch = state;
    var keep = function (handoff) {
      state.found = handoff.q;
      try { sessionStorage.setItem(HANDOFF_KEY, JSON.stringify(handoff)); } catch (e) { /* storage may be off */ }
    };
    // A lone common character's first page was ranked at build time (src/lib/search/first-pages.ts:
    // the manifest's first.chars, each at first.path + its code point in hex + '.json'). This page
    // fetches it itself: when a reader types one character and Enter, the worker is still starting.
    // The search page reads it as untrusted, as everything handed over.
    var first = null;
    var fromFirstPage = function (q) {
      if (!first || Array.from(q).length !== 1 || first.chars.indexOf(q) < 0) return;
      getText(first.path + q.codePointAt(0).toString(16) + '.json').then(function (text) {
        var page = JSON.parse(text);
        if (presearch !== state || state.asked !== q || !page || page.q !== q) return;
        page.at = Date.now();
        keep(page);
        if (state.waiting) state.waiting();
      }).catch(function () { /* the worker answers */ });
    };
    getText(PAGEFIND + 'manifest.json').then(function (text) {
      var f = JSON.parse(text).first;
      if (!f || typeof f.chars !== 'string' || !/^\/pagefind\/first\/[0-9a-f]+\/$/.test(f.path)) return;
      first = f;
      if (state.asked) fromFirstPage(state.asked);
    }).catch(function () { /* the worker answers */ });
    var ask = function () {
      if (presearch !== state) return; // stopped: a newer worker (if any) listens for itself
      state.asked = input.value.trim();
      if (!state.asked) return;
      worker.postMessage({ q: state.asked });
      fromFirstPage(state.asked);
    };
    worker.addEventListener('message', function (event) {
      var m = event.data || {};
      if (m.type === 'results' && m.handoff) keep(m.handoff);
      if (m.type === 'error') state.failed = true;
      if (state.waiting && (state.found === state.asked || state.failed)) state.waiting();
    });
    worker.addEventListener('error', function () { state.failed = true; if (state.waiting) state.waiting(); });
    // Pinyin being composed is not the query yet: asked for once the characters are chosen.
    input.addEventListener('input', function (event) { if (!event.isComposing) ask(); });
    input.addEventListener('compositionend', ask);
    // Leaving for the search page: the answer is stored, and what the worker still does
    // (opening the index, its warm-up) would only take a core from the page now loading. A
    // page restored from the back/forward cache starts a new one at the next focus.
    var stop = function () {
      worker.terminate();
      state.failed = true;
      state.waiting = null; // a second Enter while waiting: one navigation, not two
      form.removeAttribute('aria-busy');
      presearch = null;
      warmed = false;
    };
    form.addEventListener('submit', function (event) {
      if (presearch !== state) return;
      if (state.failed || state.waiting || !state.asked || state.found === state.asked || input.value.trim() !== state.asked) {
        stop();
        return;
      }
      event.preventDefault();
      var go = function () {
        if (!state.waiting) return;
        stop();
        form.submit(); // no submit event: navigates to /search/?q=
      };
      state.waiting = go;
      form.setAttribute('aria-busy', 'true');
      setTimeout(go, HOLD_MS);
    });
    worker.postMessage({ q: '' }); // opens the index before the first character
    ask();
    return true;
  }
  document.addEventListener('focusin', function (event) {
    var form = event.target instanceof Element ? event.target.closest('form[data-search-form]') : null;
    if (form) warmSearch(form);
  });
  document.addEventListener('DOMContentLoaded', function () {
    apply(root.getAttribute('data-font-size') || 'medium');
    document.addEventListener('click', function (event) {
      var target = event.target instanceof Element ? event.target.closest('[data-font-size-set],[data-print]') : null;
      if (!target) return;
      if (target.hasAttribute('data-print')) { window.print(); return; }
      var size = target.getAttribute('data-font-size-set');
      apply(size);
      try { localStorage.setItem(KEY, size); } catch (e) { /* ignore */ }
    });
  });
})();
