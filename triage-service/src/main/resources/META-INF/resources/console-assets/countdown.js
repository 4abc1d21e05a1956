// Keeps each "time left" on the page live (progressive enhancement: the server wrote it once; without JavaScript
// it stays as written). Deadlines come as UTC instants; the words are the same as the server's.
(function () {
  function span(ms) {
    var minutes = Math.floor(ms / 60000), days = Math.floor(minutes / 1440), hours = Math.floor(minutes / 60) % 24;
    minutes = minutes % 60;
    if (days > 0) { return days + (days === 1 ? ' day ' : ' days ') + hours + (hours === 1 ? ' hour' : ' hours'); }
    if (hours > 0) { return hours + (hours === 1 ? ' hour ' : ' hours ') + minutes + ' min'; }
    return minutes + ' min';
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-deadline]').forEach(function (el) {
      var left = Date.parse(el.getAttribute('data-deadline')) - now;
      el.textContent = left < 0 ? 'overdue by ' + span(-left) : span(left) + ' left';
      if (left < 0) { el.classList.add('fd-overdue'); }
    });
  }
  document.addEventListener('DOMContentLoaded', function () { tick(); setInterval(tick, 30000); });
})();
