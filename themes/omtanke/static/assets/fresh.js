// Keeps a page built some days ago honest (progressive enhancement: without this script the page
// shows what it knew on the day it was built, which the footer states). Days that have passed are
// hidden from the lists of coming days, "today" is taken off a day that is not today, and a page
// more than two days old says so at the top.
(function () {
  'use strict';
  var built = document.querySelector('.built time');
  if (!built) return;
  function iso(d) {
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  }
  var today = iso(new Date());
  document.querySelectorAll('[data-date]').forEach(function (day) {
    var date = day.getAttribute('data-date');
    if (date < today) {
      day.hidden = true;
    } else if (date !== today) {
      day.querySelectorAll('.today-label').forEach(function (label) { label.hidden = true; });
    }
  });
  var days = (Date.parse(today) - Date.parse(built.getAttribute('datetime'))) / 86400000;
  var main = document.querySelector('main');
  var words = built.parentNode.getAttribute('data-stale');
  if (days > 2 && main && words) {
    var notice = document.createElement('p');
    notice.className = 'notice notice-stale';
    notice.textContent = words.replace('{date}', built.textContent);
    main.insertBefore(notice, main.firstChild);
  }
})();
