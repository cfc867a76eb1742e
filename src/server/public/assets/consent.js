// Runs the self-hosted cookie banner (vanilla-cookieconsent v3) with the configuration built
// from policy/cookies.ts (/assets/consent-config.json), and reports every choice to the server
// (CK-05): accept all, reject all, saved preferences and dismissal (X or Escape, CK-03).
// No inline script anywhere (CSP script-src 'self').
(function () {
  'use strict';
  var CC = window.CookieConsent;
  if (!CC) return;
  var lang = document.documentElement.lang === 'ro' ? 'ro' : 'en';

  function toClearItems(items) {
    return (items || []).map(function (c) {
      return c.regex ? { name: new RegExp(c.name) } : { name: c.name };
    });
  }

  function report(action) {
    var cookie = CC.getCookie();
    if (!cookie || !cookie.consentId) return;
    var services = [];
    var byCategory = cookie.services || {};
    Object.keys(byCategory).forEach(function (k) {
      services = services.concat(byCategory[k] || []);
    });
    var body = {
      consentId: cookie.consentId,
      revision: cookie.revision,
      categories: cookie.categories || [],
      services: services,
      language: lang,
      action: action,
    };
    fetch('/api/v1/cookie-consent', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      keepalive: true,
    }).catch(function () {});
  }

  // Which button made the choice: watched in the capture phase (before the banner's own
  // handler), reported once the banner has written its cookie.
  document.addEventListener(
    'click',
    function (event) {
      var target = event.target instanceof Element ? event.target.closest('#cc-main button') : null;
      if (!target) return;
      var role = target.getAttribute('data-role');
      var action = target.classList.contains('cm__btn--close')
        ? 'dismiss'
        : role === 'all'
          ? 'accept-all'
          : role === 'necessary'
            ? 'reject-all'
            : role === 'save'
              ? 'custom'
              : null;
      if (action)
        setTimeout(function () {
          report(action);
        }, 0);
    },
    true,
  );

  // CK-03: Escape on the first layer closes it, and closing refuses.
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    var root = document.documentElement;
    if (!root.classList.contains('show--consent') || root.classList.contains('show--preferences')) return;
    CC.acceptCategory([]);
    CC.hide();
    report('dismiss');
  });

  fetch('/assets/consent-config.json', { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) throw new Error('consent config ' + response.status);
      return response.json();
    })
    .then(function (config) {
      Object.keys(config.categories).forEach(function (id) {
        var category = config.categories[id];
        if (category.autoClear) category.autoClear.cookies = toClearItems(category.autoClear.cookies);
        Object.keys(category.services || {}).forEach(function (s) {
          var service = category.services[s];
          if (service.cookies) service.cookies = toClearItems(service.cookies);
        });
      });
      config.cookie.secure = location.protocol === 'https:';
      return CC.run(config);
    })
    .catch(function () {
      // Without the banner nothing optional runs (the gated scripts stay text/plain): fail closed.
    });
})();
