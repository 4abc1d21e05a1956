// The census progress page asks every two seconds whether the census is ready, and shows it when it is
// (progressive enhancement: without JavaScript the page's own "Refresh this page" link does the same).
(function () {
  function poll(box, started) {
    fetch(box.getAttribute('data-progress'), { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.text() : 'making'; })
      .then(function (state) {
        if (state !== 'making') { window.location.reload(); return; }
        var seconds = Math.round((Date.now() - started) / 1000);
        document.getElementById('census-progress-text').textContent = 'Still working: ' + seconds
          + ' more seconds since this page opened.';
        setTimeout(function () { poll(box, started); }, 2000);
      })
      .catch(function () { setTimeout(function () { poll(box, started); }, 5000); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('census-progress');
    if (box) { setTimeout(function () { poll(box, Date.now()); }, 1000); }
  });
})();
