/**
 * `reframe report --format json`: the shape of `reframe --format json`, each finding with its place
 * (paragraph, slide) and hashed context, so it serves as a precise baseline for the next run.
 */
import type { Severity } from '@reframe/core';
import type { AuditFinding, AuditReport } from './model.js';

const SUMMARY_KEY = { error: 'errors', warning: 'warnings', info: 'infos', hint: 'hints' } as const satisfies Record<Severity, string>;

function diagnostic(f: AuditFinding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    message: f.message,
    actual: f.actual,
    ...(f.term !== undefined ? { term: f.term } : {}),
    range: { start: { line: f.line, column: f.column, offset: f.offset }, end: f.end },
    suggestions: f.suggestions,
    repairs: f.repairs,
    ...(f.fixWithheld ? { fixWithheld: f.fixWithheld } : {}),
    note: f.note,
    sources: f.sources,
    ...(f.paragraph !== undefined ? { paragraph: f.paragraph } : {}),
    ...(f.slide !== undefined ? { slide: f.slide, notes: Boolean(f.notes), slideLine: f.slideLine } : {}),
    context: f.fingerprint,
    ...(f.status ? { status: f.status } : {}),
  };
}

export function renderJson(audit: AuditReport): string {
  const files = audit.files.map((f) => ({
    path: f.path,
    ...(f.genre ? { genre: { genre: f.genre.genre, source: f.genre.source } } : {}),
    ...(f.skipped ? { skipped: f.skipped } : {}),
    diagnostics: f.findings.map(diagnostic),
  }));
  const summary = { files: 0, filesWithFindings: 0, errors: 0, warnings: 0, infos: 0, hints: 0, fixable: 0, skipped: 0 };
  for (const f of audit.files) {
    if (f.skipped) {
      summary.skipped++;
      continue;
    }
    summary.files++;
    if (f.findings.length) summary.filesWithFindings++;
    for (const d of f.findings) {
      summary[SUMMARY_KEY[d.severity]]++;
      if (d.fixable) summary.fixable++;
    }
  }
  return `${JSON.stringify({ version: 1, files, summary, ...(audit.resolved ? { resolved: audit.resolved } : {}) })}\n`;
}
