// Import progress: asks the server how far the import has got and moves the bar, then shows the
// result in place when it is done. No page reloads (a refreshing page loses a screen reader's
// place); without JavaScript the "Check again" link does the same.
(function () {
  'use strict';
  var bar = document.querySelector('progress[data-live]');
  var main = document.querySelector('main');
  if (!bar || !main || !window.fetch || !window.DOMParser) return;
  function poll() {
    fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var next = page.querySelector('progress[data-live]');
        if (next) {
          bar.max = next.max;
          bar.value = next.value;
          bar.textContent = next.textContent;
          setTimeout(poll, 1000);
          return;
        }
        var done = page.querySelector('main');
        if (done) main.innerHTML = done.innerHTML;
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
