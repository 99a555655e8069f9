// Returns an unattended screen to the start, which also clears a half-filled form. Fifteen
// seconds before, it asks whether someone is still there (WCAG 2.2.1: time limits can be
// extended). Without JavaScript the pages simply stay until someone taps "Start".
(function () {
  var total = parseInt(document.body.getAttribute('data-idle'), 10);
  if (!total) return;
  var warnBefore = Math.min(15, Math.floor(total / 3));
  var box = document.getElementById('idle-warning');
  var stay = document.getElementById('idle-stay');
  var warnTimer, leaveTimer;
  function arm() {
    clearTimeout(warnTimer);
    clearTimeout(leaveTimer);
    if (box) box.hidden = true;
    warnTimer = setTimeout(function () {
      if (box) {
        box.hidden = false;
        if (stay) stay.focus();
      }
      leaveTimer = setTimeout(function () { window.location.href = '/'; }, warnBefore * 1000);
    }, (total - warnBefore) * 1000);
  }
  ['pointerdown', 'keydown', 'input', 'touchstart'].forEach(function (e) {
    document.addEventListener(e, arm, { passive: true });
  });
  if (stay) stay.addEventListener('click', arm);
  arm();
})();
