/** Counts for the charts and tables: by severity, category and file, and the most frequent flagged terms. */
import type { Severity } from '@reframe/core';
import { type AuditFinding, type AuditReport, allFindings, SEVERITY_ORDER } from './model.js';

export type SeverityCounts = Record<Severity, number>;

export interface CountRow {
  key: string;
  counts: SeverityCounts;
  total: number;
  newCount: number;
}

export interface TermRow {
  /** The flagged words, lower-cased; the rule id under --redact. */
  term: string;
  ruleId: string;
  count: number;
  suggestions: string[];
}

export interface Totals {
  findings: number;
  filesAudited: number;
  filesWithFindings: number;
  skipped: number;
  bySeverity: SeverityCounts;
  byCategory: CountRow[];
  byFile: CountRow[];
  topTerms: TermRow[];
  newCount: number;
  unchangedCount: number;
  resolvedCount: number;
}

const zero = (): SeverityCounts => ({ error: 0, warning: 0, info: 0, hint: 0 });

function countBy(findings: AuditFinding[], keyOf: (f: AuditFinding) => string, keys: string[] = []): CountRow[] {
  const rows = new Map<string, CountRow>();
  for (const key of keys) rows.set(key, { key, counts: zero(), total: 0, newCount: 0 });
  for (const f of findings) {
    const key = keyOf(f);
    const row = rows.get(key) ?? { key, counts: zero(), total: 0, newCount: 0 };
    row.counts[f.severity]++;
    row.total++;
    if (f.status === 'new') row.newCount++;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** Most to fewest; ties by severity mix then name, so the order is stable. */
function byTotal(a: CountRow, b: CountRow): number {
  return b.total - a.total || b.counts.error - a.counts.error || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export function computeTotals(audit: AuditReport, topTermLimit = 10): Totals {
  const findings = allFindings(audit);
  const bySeverity = zero();
  for (const f of findings) bySeverity[f.severity]++;
  const terms = new Map<string, TermRow>();
  for (const f of findings) {
    const term = audit.redacted ? f.ruleId : (f.term ?? f.actual).replace(/\s+/g, ' ').toLowerCase();
    const key = `${f.ruleId}\u0000${term}`;
    const row = terms.get(key) ?? { term, ruleId: f.ruleId, count: 0, suggestions: f.suggestions };
    row.count++;
    terms.set(key, row);
  }
  const read = audit.files.filter((f) => !f.skipped);
  return {
    findings: findings.length,
    filesAudited: read.length,
    filesWithFindings: read.filter((f) => f.findings.length > 0).length,
    skipped: audit.files.length - read.length,
    bySeverity,
    byCategory: countBy(findings, (f) => f.category).sort(byTotal),
    byFile: countBy(
      findings,
      (f) => f.path,
      read.map((f) => f.path),
    ).sort(byTotal),
    topTerms: [...terms.values()]
      .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
      .slice(0, topTermLimit),
    newCount: findings.filter((f) => f.status === 'new').length,
    unchangedCount: findings.filter((f) => f.status === 'unchanged').length,
    resolvedCount: audit.resolved?.length ?? 0,
  };
}

export { SEVERITY_ORDER };
