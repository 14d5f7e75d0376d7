/**
 * Inline SVG bar charts. Severity is shown by a pattern as well as a colour, every bar carries its
 * number and label, and each chart has a text alternative, so it reads in greyscale and to a screen reader.
 */
import type { Severity } from '@reframe/core';
import { html, type SafeHtml } from './html-escape.js';
import { SEVERITY_ORDER } from './model.js';
import type { CountRow } from './totals.js';

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' };

const PATTERN_ID: Record<Severity, string> = { error: 'sev-error', warning: 'sev-warning', info: 'sev-info', hint: 'sev-hint' };

/** One hidden SVG holding the patterns every chart refers to. */
export function patternDefs(): SafeHtml {
  return html`<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>
<pattern id="sev-error" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#9b1c1c"/><path d="M0 0L8 8M8 0L0 8" stroke="#fff" stroke-width="1.6"/></pattern>
<pattern id="sev-warning" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#b45309"/><rect width="3" height="8" fill="#fde68a"/></pattern>
<pattern id="sev-info" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#1d4ed8"/><circle cx="4" cy="4" r="1.8" fill="#fff"/></pattern>
<pattern id="sev-hint" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#cbd5e1"/></pattern>
</defs></svg>`;
}

export function legend(): SafeHtml {
  return html`<ul class="legend" aria-label="Severity key">${SEVERITY_ORDER.map(
    (s) =>
      html`<li><svg width="22" height="14" aria-hidden="true"><rect width="22" height="14" fill="url(#${PATTERN_ID[s]})" stroke="#333"/></svg> ${SEVERITY_LABEL[s]}</li>`,
  )}</ul>`;
}

export interface ChartOptions {
  title: string;
  /** Which filter a click on a bar sets ("category", "severity" or "file"). */
  filter: 'category' | 'severity' | 'file';
  maxRows?: number;
  /** Spans the whole width of the chart grid. */
  wide?: boolean;
  labelOf?: (key: string) => string;
}

/** Chart geometry in SVG units; half-width charts get a narrower canvas so their text keeps its size. */
const WIDE = { width: 760, label: 300, bars: 380, chars: 38 };
const HALF = { width: 480, label: 130, bars: 300, chars: 18 };
const ROW = 28;

/** Long labels (file paths) keep their end, where the file name is. */
function shorten(label: string, max: number): string {
  if (label.length <= max) return label;
  const name = label.slice(label.lastIndexOf('/') + 1);
  return name.length + 2 <= max ? `…/${name}` : `…${label.slice(label.length - max + 1)}`;
}

function describe(row: CountRow): string {
  const parts = SEVERITY_ORDER.filter((s) => row.counts[s] > 0).map((s) => `${row.counts[s]} ${SEVERITY_LABEL[s].toLowerCase()}`);
  return `${row.total} finding${row.total === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

export function barChart(rows: CountRow[], options: ChartOptions): SafeHtml {
  const size = options.wide ? WIDE : HALF;
  const LABEL_WIDTH = size.label;
  const BAR_SPACE = size.bars;
  const shown = rows.slice(0, options.maxRows ?? rows.length);
  const max = Math.max(1, ...shown.map((r) => r.total));
  const height = shown.length * ROW + 8;
  const labelOf = options.labelOf ?? ((k: string) => k);
  const bars = shown.map((row, i) => {
    const y = i * ROW + 4;
    let x = LABEL_WIDTH;
    const segments = SEVERITY_ORDER.filter((s) => row.counts[s] > 0).map((s) => {
      const w = Math.max(2, (row.counts[s] / max) * BAR_SPACE);
      const rect = html`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${ROW - 8}" fill="url(#${PATTERN_ID[s]})" stroke="#222" stroke-width="0.6"><title>${row.counts[s]} ${SEVERITY_LABEL[s].toLowerCase()}</title></rect>`;
      x += w;
      return rect;
    });
    const label = labelOf(row.key);
    return html`<g class="bar" role="button" tabindex="0" data-filter="${options.filter}" data-value="${row.key}" aria-label="${label}: ${describe(row)}. Show only these.">
<title>${label}: ${describe(row)}</title>
<text x="${LABEL_WIDTH - 8}" y="${y + ROW / 2}" text-anchor="end" class="bar-label">${shorten(label, size.chars)}</text>
${segments}
<text x="${(x + 6).toFixed(1)}" y="${y + ROW / 2}" class="bar-value">${row.total}</text>
</g>`;
  });
  const more = rows.length - shown.length;
  return html`<figure class="chart${options.wide ? ' wide' : ''}" data-chart="${options.filter}">
<figcaption>${options.title}</figcaption>
<svg viewBox="0 0 ${size.width} ${height}" width="100%" role="img" aria-label="${options.title}: ${shown.map((r) => `${labelOf(r.key)} ${r.total}`).join('; ')}">${bars}</svg>
${more > 0 ? html`<p class="muted">and ${more} more (see the table of files below)</p>` : ''}
</figure>`;
}
