// Assent's own first-party analytics (performance category). This file only runs after the
// visitor accepted performance cookies: the page includes it as type="text/plain" and the
// cookie banner activates it (CK-04). It sets the assent_perf cookie and counts a page view.
(function () {
  'use strict';
  var script = document.currentScript;
  var days = Number((script && script.getAttribute('data-max-age-days')) || 182);
  var match = document.cookie.match(/(?:^|;\s*)assent_perf=([^;]*)/);
  var id = match ? match[1] : null;
  if (!id) {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    id = Array.prototype.map
      .call(bytes, function (b) {
        return (b < 16 ? '0' : '') + b.toString(16);
      })
      .join('');
  }
  document.cookie =
    'assent_perf=' +
    id +
    '; Max-Age=' +
    days * 86400 +
    '; Path=/; SameSite=Lax' +
    (location.protocol === 'https:' ? '; Secure' : '');
  fetch('/api/v1/analytics/pageview', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: location.pathname }),
    credentials: 'same-origin',
    keepalive: true,
  }).catch(function () {});
})();
