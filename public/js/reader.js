// Reader tools: 字号 大/中/小 and 打印本页. A classic script (not a module) so it
// also runs in offline snapshots opened from file://. Without it the page reads fine.
// Also: the header search box warms the search page's files (see warmSearch below).
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
  function warmShard(shard, lang) {
    return getText(shard.path + 'pagefind-entry.json?ts=' + ENTRY_TAG).then(function (text) {
      var index = pickIndex(JSON.parse(text), lang);
      if (!index) return;
      prefetch(shard.path + 'pagefind.' + index.hash + '.pf_meta');
      if (shard.path === PAGEFIND) prefetch(PAGEFIND + 'wasm.' + (index.wasm || 'unknown') + '.pagefind');
    });
  }
  function warmSearch(form) {
    if (warmed || !/^https?:$/.test(location.protocol) || !window.fetch) return;
    if (navigator.connection && navigator.connection.saveData) return; // the reader asked to save data
    warmed = true;
    var lang = root.getAttribute('lang') || 'unknown';
    var ignore = function () { /* the search page fetches for itself */ };
    prefetch(PAGEFIND + 'pagefind.js');
    // The search page's script and style (hashed names), from its HTML.
    getText(form.getAttribute('action') || '/search/').then(function (html) {
      var re = /<(?:script[^>]*\ssrc|link[^>]*\shref)="(\/_astro\/[^"]+\.(?:js|css))"/g;
      for (var m = re.exec(html); m; m = re.exec(html)) prefetch(m[1]);
    }).catch(ignore);
    getText(PAGEFIND + 'shards.json').then(function (text) {
      var shards = JSON.parse(text).shards || [];
      for (var i = 0; i < shards.length; i++) warmShard(shards[i], lang).catch(ignore);
    }).catch(ignore);
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
