/** The self-contained HTML report: summary, charts, top terms, filterable findings, baseline changes. */
import { createHash } from 'node:crypto';
import { barChart, legend, patternDefs, SEVERITY_LABEL } from './charts.js';
import { html, type SafeHtml, safeUrl, trusted } from './html-escape.js';
import { type AuditFinding, type AuditReport, allFindings, describeLocation, SEVERITY_ORDER } from './model.js';
import { SCRIPT, STYLE } from './page-assets.js';
import { computeTotals, type Totals } from './totals.js';

export interface HtmlOptions {
  title: string;
  /** ISO time shown in the header. */
  generatedAt: string;
}

const SEVERITY_WORDS = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
  hint: ['hint', 'hints'],
} as const;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summaryCards(t: Totals, audit: AuditReport): SafeHtml {
  const card = (n: number, label: string) => html`<li><span class="num">${n}</span>${label}</li>`;
  return html`<ul class="cards">
${card(t.findings, 'findings')}${card(t.filesAudited, 'files audited')}${card(t.filesWithFindings, 'files with findings')}
${SEVERITY_ORDER.map((s) => card(t.bySeverity[s], SEVERITY_WORDS[s][t.bySeverity[s] === 1 ? 0 : 1]))}
${audit.resolved ? [card(t.newCount, 'new'), card(t.unchangedCount, 'unchanged'), card(t.resolvedCount, 'resolved')] : ''}
${t.skipped ? card(t.skipped, 'files not read') : ''}
</ul>`;
}

function charts(t: Totals): SafeHtml {
  const severityRows = SEVERITY_ORDER.map((s) => ({
    key: s,
    counts: { error: 0, warning: 0, info: 0, hint: 0, [s]: t.bySeverity[s] },
    total: t.bySeverity[s],
    newCount: 0,
  }));
  return html`<section id="charts"><h2>Where the findings are</h2>
${legend()}
<div class="charts">
${barChart(t.byCategory, { title: 'Findings by category', filter: 'category' })}
${barChart(severityRows, { title: 'Findings by severity', filter: 'severity', labelOf: (k) => SEVERITY_LABEL[k as keyof typeof SEVERITY_LABEL] })}
${barChart(t.byFile, { title: 'Findings by file', filter: 'file', maxRows: 20, wide: true })}
</div></section>`;
}

function topTerms(t: Totals, audit: AuditReport): SafeHtml {
  if (!t.topTerms.length) return html``;
  return html`<section id="terms"><h2>Most frequent wording</h2>
<table><thead><tr><th>${audit.redacted ? 'Rule (wording redacted)' : 'Flagged wording'}</th><th class="n">Times</th><th>Suggested repair</th><th>Rule</th></tr></thead><tbody>
${t.topTerms.map(
  (row) =>
    html`<tr><td>${row.term}</td><td class="n">${row.count}</td><td>${row.suggestions.join(' · ') || '—'}</td><td><code>${row.ruleId}</code></td></tr>`,
)}
</tbody></table></section>`;
}

function findingItem(f: AuditFinding): SafeHtml {
  const sources = f.sources.map((s) => {
    const url = safeUrl(s.url);
    return html`<li>${url ? html`<a href="${url}" rel="noopener noreferrer">${s.title}</a>` : s.title}</li>`;
  });
  return html`<li class="finding sev-${f.severity}" data-category="${f.category}" data-severity="${f.severity}" data-file="${f.path}" data-status="${f.status ?? ''}">
<div><span class="badge sev-${f.severity}">${SEVERITY_LABEL[f.severity]}</span> ${f.status ? html`<span class="badge status-${f.status}">${f.status}</span> ` : ''}<code>${f.ruleId}</code> <span class="muted">· ${f.category}</span></div>
<div class="where">${f.path} — ${describeLocation(f)}</div>
<p class="message">${f.message}</p>
${f.sentence ? html`<blockquote class="sentence">${f.sentence.before}<mark>${f.sentence.match}</mark>${f.sentence.after}</blockquote>` : ''}
${f.suggestions.length ? html`<div class="suggestions">Suggested: <ul>${f.suggestions.map((s) => html`<li>${s}</li>`)}</ul></div>` : ''}
<p class="note">${f.note}</p>
${sources.length ? html`<ul class="sources" aria-label="Sources">${sources}</ul>` : ''}
</li>`;
}

function select(kind: string, label: string, options: Array<{ value: string; text: string }>): SafeHtml {
  return html`<label for="filter-${kind}">${label}<select id="filter-${kind}"><option value="">All</option>${options.map(
    (o) => html`<option value="${o.value}">${o.text}</option>`,
  )}</select></label>`;
}

function findingsSection(t: Totals, audit: AuditReport): SafeHtml {
  const findings = allFindings(audit);
  return html`<section id="findings"><h2>Findings</h2>
<form class="filters" aria-label="Filter findings">
${select(
  'category',
  'Category',
  t.byCategory.map((r) => ({ value: r.key, text: `${r.key} (${r.total})` })),
)}
${select(
  'severity',
  'Severity',
  SEVERITY_ORDER.filter((s) => t.bySeverity[s] > 0).map((s) => ({ value: s, text: `${SEVERITY_LABEL[s]} (${t.bySeverity[s]})` })),
)}
${select(
  'file',
  'File',
  t.byFile.filter((r) => r.total > 0).map((r) => ({ value: r.key, text: `${r.key} (${r.total})` })),
)}
${
  audit.resolved
    ? select('status', 'Since baseline', [
        { value: 'new', text: `New (${t.newCount})` },
        { value: 'unchanged', text: `Unchanged (${t.unchangedCount})` },
      ])
    : ''
}
<button type="button" id="filter-reset">Show all</button>
<p aria-live="polite">Showing <strong id="shown-count">${findings.length}</strong> of ${findings.length} findings</p>
</form>
<p id="no-match" class="muted" hidden>No findings match these filters.</p>
<ol class="findings" id="finding-list">${findings.map(findingItem)}</ol>
</section>`;
}

function resolvedSection(audit: AuditReport): SafeHtml {
  if (!audit.resolved) return html``;
  return html`<section id="resolved"><h2>Resolved since the baseline (${audit.resolved.length})</h2>
${
  audit.resolved.length
    ? html`<table><thead><tr><th>File</th><th>Where (then)</th><th>Rule</th><th>Wording</th><th>Severity</th></tr></thead><tbody>
${audit.resolved.map(
  (r) =>
    html`<tr class="resolved"><td>${r.path}</td><td>${r.location}</td><td><code>${r.ruleId}</code></td><td>${r.actual}</td><td>${SEVERITY_LABEL[r.severity]}</td></tr>`,
)}</tbody></table>`
    : html`<p class="muted">None.</p>`
}</section>`;
}

function filesSection(t: Totals, audit: AuditReport): SafeHtml {
  const rows = new Map(t.byFile.map((r) => [r.key, r]));
  return html`<section id="files"><h2>Files</h2>
<table><thead><tr><th>File</th>${SEVERITY_ORDER.map((s) => html`<th class="n">${SEVERITY_LABEL[s]}</th>`)}<th class="n">Total</th>${audit.resolved ? html`<th class="n">New</th>` : ''}</tr></thead><tbody>
${audit.files.map((f) => {
  const row = rows.get(f.path);
  if (f.skipped || !row)
    return html`<tr><td>${f.path}</td><td colspan="${audit.resolved ? 6 : 5}">not read: ${f.skipped ?? 'no findings'}</td></tr>`;
  return html`<tr><td>${f.path}</td>${SEVERITY_ORDER.map((s) => html`<td class="n">${row.counts[s]}</td>`)}<td class="n">${row.total}</td>${audit.resolved ? html`<td class="n">${row.newCount}</td>` : ''}</tr>`;
})}
</tbody></table></section>`;
}

export function renderHtml(audit: AuditReport, options: HtmlOptions): string {
  const t = computeTotals(audit);
  // The page may run only its own script and style: nothing can be fetched, whatever the documents held.
  const csp = `default-src 'none'; style-src 'sha256-${sha256(STYLE)}'; script-src 'sha256-${sha256(SCRIPT)}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>${options.title}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
${patternDefs()}
<header>
<h1>${options.title}</h1>
<p class="muted">${plural(t.findings, 'finding')} in ${t.filesWithFindings} of ${plural(t.filesAudited, 'file')} · reframe ${audit.toolVersion} · ${options.generatedAt}${audit.redacted ? ' · document text redacted' : ''}</p>
</header>
<main>
<section id="summary"><h2>Summary</h2>${summaryCards(t, audit)}</section>
${t.findings ? charts(t) : html`<p>No findings.</p>`}
${topTerms(t, audit)}
${findingsSection(t, audit)}
${resolvedSection(audit)}
${filesSection(t, audit)}
</main>
<footer>Made by <code>reframe report</code>. Each finding explains why the wording was flagged and cites its sources; the suggestions are starting points, not rules — people's own words and quoted speech are left as written.</footer>
<script>${trusted(SCRIPT)}</script>
</body>
</html>
`;
  return page.value;
}
