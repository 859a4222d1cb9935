// The console's only script (the CSP allows no inline script): the identity-number check as typed,
// SLA countdowns, the route chosen on the referral form, the CSRF header for htmx requests, and ECharts charts
// from their data-chart options.
(function () {
  'use strict';
  var WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var CHECK = '10X98765432';

  function validIdNumber(value) {
    var v = value.trim().toUpperCase();
    if (!/^\d{17}[\dX]$/.test(v)) { return false; }
    var sum = 0;
    for (var i = 0; i < 17; i++) { sum += (v.charCodeAt(i) - 48) * WEIGHTS[i]; }
    if (CHECK.charAt(sum % 11) !== v.charAt(17)) { return false; }
    var y = +v.substr(6, 4), m = +v.substr(10, 2), d = +v.substr(12, 2);
    var date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }

  function idCheck(input) {
    var out = document.getElementById(input.getAttribute('aria-describedby').split(' ')[0]);
    var v = input.value.trim();
    if (v.length === 0) { out.textContent = ''; input.removeAttribute('aria-invalid'); return; }
    if (v.length < 18) { out.textContent = input.dataset.msgShort; input.removeAttribute('aria-invalid'); return; }
    if (validIdNumber(v)) { out.textContent = input.dataset.msgOk; input.removeAttribute('aria-invalid'); }
    else { out.textContent = input.dataset.msgBad; input.setAttribute('aria-invalid', 'true'); }
  }

  function countdowns() {
    document.querySelectorAll('[data-deadline]').forEach(function (el) {
      var left = Math.floor((Date.parse(el.dataset.deadline) - Date.now()) / 60000);
      el.classList.toggle('late', left < 0);
      el.classList.toggle('soon', left >= 0 && left < 120);
      if (left < 0) { el.textContent = el.dataset.msgLate; return; }
      var h = Math.floor(left / 60), m = left % 60;
      el.textContent = el.dataset.msgLeft.replace('{h}', h).replace('{m}', m);
    });
  }

  function charts(root) {
    if (!window.echarts) { return; }
    root.querySelectorAll('[data-chart]').forEach(function (el) {
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      var option = JSON.parse(el.dataset.chart);
      option.animation = false;
      chart.setOption(option);
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-id-check]').forEach(function (input) {
      input.addEventListener('input', function () { idCheck(input); });
      idCheck(input);
    });
    countdowns();
    setInterval(countdowns, 30000);
    charts(document);
    // The target chosen among the routes is remembered for the routes box drawn again (the diagnosis, care type,
    // department or date changed), which would otherwise check the one chosen when the page was drawn while the
    // family-doctor field still offers the doctors of the one chosen since.
    document.body.addEventListener('change', function (event) {
      var chosen = document.getElementById('chosen-target');
      if (chosen && event.target.name === 'toInstitutionId' && event.target.closest('#routes')) {
        chosen.value = event.target.value;
      }
    });
    var csrf = document.querySelector('meta[name="csrf-token"]');
    document.body.addEventListener('htmx:configRequest', function (event) {
      if (csrf) { event.detail.headers['X-CSRF-TOKEN'] = csrf.content; }
    });
  });
})();
