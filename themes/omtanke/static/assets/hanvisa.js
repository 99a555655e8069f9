// "Hänvisa någon" with JavaScript (progressive enhancement: without it every card is printed
// from its own page). On the list, ticks appear beside the activities and "Skriv ut valda kort"
// opens the cards page with ?valda=<id>,<id>; there only the chosen cards are shown and printed,
// four to a sheet. An activity listed under several interests has one tick everywhere.
(function () {
  'use strict';
  var form = document.querySelector('.referral-choose');
  if (form) {
    var boxes = Array.prototype.slice.call(document.querySelectorAll('.referral-tick input'));
    var status = form.querySelector('.referral-status');
    var chosen = function () {
      var ids = [];
      boxes.forEach(function (b) { if (b.checked && ids.indexOf(b.value) < 0) ids.push(b.value); });
      return ids;
    };
    document.querySelectorAll('.referral-tick').forEach(function (l) { l.hidden = false; });
    document.querySelectorAll('.referral-title').forEach(function (t) { t.hidden = true; });
    boxes.forEach(function (b) {
      b.addEventListener('change', function () {
        boxes.forEach(function (o) { if (o.value === b.value) o.checked = b.checked; });
        status.textContent = '';
      });
    });
    form.hidden = false;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var ids = chosen();
      if (!ids.length) {
        status.textContent = form.getAttribute('data-none');
        return;
      }
      window.location.href = form.getAttribute('action') + '?valda=' + ids.map(encodeURIComponent).join(',');
    });
  }
  var wanted = new URLSearchParams(window.location.search).get('valda');
  if (wanted && document.querySelector('.card-sheet-many')) {
    var ids = wanted.split(',');
    document.querySelectorAll('.card-sheet-many .referral-card').forEach(function (card) {
      card.hidden = ids.indexOf(card.getAttribute('data-activity')) < 0;
    });
  }
}());
