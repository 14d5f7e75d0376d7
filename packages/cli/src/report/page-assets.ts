/** The report page's own stylesheet and script: inline, so the file opens offline with nothing fetched. */

export const STYLE = `
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --paper: #fff; --tint: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--tint); }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
h1 { margin: 0 0 4px; font-size: 26px; }
h2 { margin: 32px 0 12px; font-size: 20px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
.muted { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; padding: 0; list-style: none; }
.cards li { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 130px; }
.cards .num { display: block; font-size: 24px; font-weight: 700; }
.charts { display: grid; gap: 16px; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); }
.chart.wide { grid-column: 1 / -1; }
.chart { margin: 0; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 12px; }
.chart figcaption { font-weight: 600; margin-bottom: 6px; }
.chart svg text { font-size: 13px; fill: var(--ink); dominant-baseline: middle; }
.chart .bar { cursor: pointer; }
.chart .bar:hover .bar-label, .chart .bar:focus .bar-label { text-decoration: underline; font-weight: 700; }
.chart .bar:focus { outline: 2px solid #000; }
.bar-value { font-weight: 700; }
svg.defs { position: absolute; }
.legend { display: flex; gap: 18px; list-style: none; padding: 0; margin: 0 0 8px; }
.legend li { display: flex; align-items: center; gap: 6px; }
table { border-collapse: collapse; width: 100%; background: var(--paper); }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--tint); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; position: sticky; top: 0; z-index: 1; }
.filters label { display: flex; flex-direction: column; font-size: 13px; font-weight: 600; }
.filters select, .filters button { font: inherit; padding: 4px 6px; }
ol.findings { list-style: none; padding: 0; }
.finding { background: var(--paper); border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 10px 14px; margin: 10px 0; }
.finding[hidden] { display: none; }
.finding.sev-error { border-left-color: #9b1c1c; }
.finding.sev-warning { border-left-color: #b45309; }
.finding.sev-info { border-left-color: #1d4ed8; }
.finding.sev-hint { border-left-color: #94a3b8; }
.badge { display: inline-block; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; border: 1px solid currentColor; border-radius: 3px; padding: 0 5px; }
.badge.sev-error { color: #9b1c1c; } .badge.sev-warning { color: #92400e; } .badge.sev-info { color: #1d4ed8; } .badge.sev-hint { color: #475569; }
.badge.status-new { color: #000; background: #fef08a; } .badge.status-unchanged { color: #475569; }
.where { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; color: var(--muted); }
.message { margin: 6px 0; font-weight: 600; }
blockquote.sentence { margin: 6px 0; padding: 6px 10px; background: var(--tint); border-left: 3px solid var(--line); }
mark { background: #fde68a; color: inherit; padding: 0 2px; border-bottom: 2px solid #92400e; }
.note { margin: 6px 0; }
.sources { margin: 4px 0 0; padding-left: 18px; font-size: 13px; }
.suggestions { margin: 4px 0; }
.suggestions ul { display: inline; margin: 0; padding: 0; }
.filters p { margin: 0 0 4px; }
.suggestions li { display: inline; } .suggestions li + li::before { content: " · "; color: var(--muted); }
footer { padding: 24px 20px 40px; font-size: 13px; color: var(--muted); }
@media print { .filters { position: static; } .finding { break-inside: avoid; } }
`;

export const SCRIPT = `
(function () {
  var kinds = ['category', 'severity', 'file', 'status'];
  var selects = {};
  kinds.forEach(function (k) { selects[k] = document.getElementById('filter-' + k); });
  var items = Array.prototype.slice.call(document.querySelectorAll('#finding-list > li'));
  var shown = document.getElementById('shown-count');
  var none = document.getElementById('no-match');
  function apply() {
    var n = 0;
    items.forEach(function (li) {
      var ok = kinds.every(function (k) { var s = selects[k]; return !s || s.value === '' || li.getAttribute('data-' + k) === s.value; });
      li.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = String(n);
    none.hidden = n !== 0;
  }
  kinds.forEach(function (k) { if (selects[k]) selects[k].addEventListener('change', apply); });
  document.getElementById('filter-reset').addEventListener('click', function () {
    kinds.forEach(function (k) { if (selects[k]) selects[k].value = ''; });
    apply();
  });
  Array.prototype.forEach.call(document.querySelectorAll('.bar'), function (bar) {
    function pick() {
      var s = selects[bar.getAttribute('data-filter')];
      if (!s) return;
      s.value = bar.getAttribute('data-value');
      apply();
      document.getElementById('findings').scrollIntoView();
    }
    bar.addEventListener('click', pick);
    bar.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); } });
  });
  apply();
})();
`;
