/** A short Markdown summary for a pull-request comment or a CI job summary. */
import { printable } from '../printable.js';
import { SEVERITY_LABEL } from './charts.js';
import { type AuditReport, allFindings, describeLocation, SEVERITY_ORDER } from './model.js';
import { computeTotals } from './totals.js';

/**
 * Document text in a table cell: no markup, no table breaks, no @-mentions or links that ping or track,
 * and no terminal escapes (the summary is often printed to a terminal or a CI log).
 */
export function escapeMarkdown(text: string): string {
  const escaped = text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (ch) => `\\${ch}`)
    .replace(/@/g, '&#64;')
    .replace(/:\/\//g, ':&#47;&#47;');
  return printable(escaped);
}

const NEW_LIMIT = 10;

const SEVERITY_WORDS = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
  hint: ['hint', 'hints'],
} as const;

export function renderMarkdown(audit: AuditReport, title: string, topTermLimit = 5): string {
  const t = computeTotals(audit, topTermLimit);
  const lines: string[] = [`### ${escapeMarkdown(title)}`, ''];
  const bySeverity = SEVERITY_ORDER.filter((s) => t.bySeverity[s] > 0)
    .map((s) => `${t.bySeverity[s]} ${SEVERITY_WORDS[s][t.bySeverity[s] === 1 ? 0 : 1]}`)
    .join(', ');
  lines.push(
    `**${t.findings} finding${t.findings === 1 ? '' : 's'}** in ${t.filesWithFindings} of ${t.filesAudited} files${bySeverity ? ` (${bySeverity})` : ''}.` +
      (audit.resolved ? ` Since the baseline: **${t.newCount} new**, ${t.unchangedCount} unchanged, ${t.resolvedCount} resolved.` : '') +
      (t.skipped ? ` ${t.skipped} file${t.skipped === 1 ? '' : 's'} could not be read.` : ''),
    '',
  );
  if (t.findings) {
    const withNew = Boolean(audit.resolved);
    lines.push(`| Category | ${SEVERITY_ORDER.map((s) => SEVERITY_LABEL[s]).join(' | ')} | Total |${withNew ? ' New |' : ''}`);
    lines.push(`|---|${SEVERITY_ORDER.map(() => '--:').join('|')}|--:|${withNew ? '--:|' : ''}`);
    for (const row of t.byCategory) {
      lines.push(
        `| ${escapeMarkdown(row.key)} | ${SEVERITY_ORDER.map((s) => row.counts[s]).join(' | ')} | ${row.total} |${withNew ? ` ${row.newCount} |` : ''}`,
      );
    }
    lines.push('');
    const files = t.byFile.filter((r) => r.total > 0).slice(0, 10);
    lines.push(`| File | Findings |${withNew ? ' New |' : ''}`, `|---|--:|${withNew ? '--:|' : ''}`);
    for (const row of files) lines.push(`| ${escapeMarkdown(row.key)} | ${row.total} |${withNew ? ` ${row.newCount} |` : ''}`);
    const moreFiles = t.byFile.filter((r) => r.total > 0).length - files.length;
    if (moreFiles > 0) lines.push(`| and ${moreFiles} more | |${withNew ? ' |' : ''}`);
    lines.push('');
    if (audit.resolved) {
      const fresh = allFindings(audit).filter((f) => f.status === 'new');
      if (fresh.length) {
        lines.push(`New since the baseline${fresh.length > NEW_LIMIT ? ` (first ${NEW_LIMIT} of ${fresh.length})` : ''}:`, '');
        lines.push('| File | Where | Severity | Rule | Wording |', '|---|---|---|---|---|');
        for (const f of fresh.slice(0, NEW_LIMIT)) {
          lines.push(
            `| ${escapeMarkdown(f.path)} | ${describeLocation(f)} | ${SEVERITY_LABEL[f.severity]} | ${escapeMarkdown(f.ruleId)} | ${escapeMarkdown(f.actual)} |`,
          );
        }
        lines.push('');
      }
    }
    lines.push(`| ${audit.redacted ? 'Rule' : 'Wording'} | Times | Suggested repair |`, '|---|--:|---|');
    for (const row of t.topTerms) {
      lines.push(`| ${escapeMarkdown(row.term)} | ${row.count} | ${escapeMarkdown(row.suggestions.slice(0, 2).join(' / ') || '—')} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
