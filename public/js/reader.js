// Reader tools: 字号 大/中/小 and 打印本页. A classic script (not a module) so it
// also runs in offline snapshots opened from file://. Without it the page reads fine.
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
