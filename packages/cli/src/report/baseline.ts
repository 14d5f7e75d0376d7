/**
 * Compare findings with an earlier run (`reframe --format json`, or `reframe report --format json`).
 * Findings are matched on path, rule and flagged text, then on the words around them (hashed; only
 * report JSON carries them), then in order of appearance: never on raw offsets, so an edit elsewhere in
 * a file does not make its findings "new".
 */
import { readFileSync } from 'node:fs';
import type { Severity } from '@reframe/core';
import { UsageError } from '../errors.js';
import { REDACTED } from '../redact.js';
import { type AuditReport, type ContextFingerprint, describeLocation, type ResolvedFinding, SEVERITY_ORDER } from './model.js';

export interface BaselineFinding {
  path: string;
  ruleId: string;
  category: string;
  severity: Severity;
  actual: string;
  fingerprint?: ContextFingerprint;
  location: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function optionalNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Read and check a baseline; every problem names the file and the place in it. */
export function readBaseline(file: string, display: string): BaselineFinding[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--baseline ${display}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`--baseline ${display}: not valid JSON (${(error as Error).message})`);
  }
  const bad = (where: string, what: string) =>
    new UsageError(`--baseline ${display}: ${where}: ${what} (expected the output of "reframe --format json")`);
  if (!isObject(data) || data.version !== 1) throw bad('top level', 'not a reframe JSON report with "version": 1');
  if (!Array.isArray(data.files)) throw bad('top level', '"files" is not a list');
  const out: BaselineFinding[] = [];
  data.files.forEach((file: unknown, i) => {
    if (!isObject(file) || typeof file.path !== 'string') throw bad(`files[${i}]`, 'has no "path"');
    if (!Array.isArray(file.diagnostics)) throw bad(`files[${i}]`, '"diagnostics" is not a list');
    const path = file.path.replaceAll('\\', '/');
    file.diagnostics.forEach((d: unknown, j) => {
      const where = `files[${i}].diagnostics[${j}]`;
      if (!isObject(d)) throw bad(where, 'not an object');
      if (typeof d.ruleId !== 'string') throw bad(where, 'has no "ruleId"');
      if (typeof d.actual !== 'string') throw bad(where, 'has no "actual"');
      const severity = SEVERITY_ORDER.includes(d.severity as Severity) ? (d.severity as Severity) : 'warning';
      const range = isObject(d.range) && isObject(d.range.start) ? d.range.start : {};
      const fp = isObject(d.context) && typeof d.context.before === 'string' && typeof d.context.after === 'string' ? d.context : undefined;
      out.push({
        path,
        ruleId: d.ruleId,
        category: typeof d.category === 'string' ? d.category : d.ruleId.split('/')[0] || 'other',
        severity,
        actual: d.actual,
        ...(fp ? { fingerprint: { before: String(fp.before), after: String(fp.after) } } : {}),
        location: describeLocation({
          line: optionalNumber(range.line),
          column: optionalNumber(range.column),
          paragraph: optionalNumber(d.paragraph),
          slide: optionalNumber(d.slide),
          notes: d.notes === true,
          slideLine: optionalNumber(d.slideLine),
        }),
      });
    });
  });
  return out;
}

export interface Comparison {
  newCount: number;
  unchangedCount: number;
  resolved: ResolvedFinding[];
}

function groupKey(path: string, ruleId: string, actual: string | undefined): string {
  return [path, ruleId, actual === undefined ? '' : actual.toLowerCase()].join('\u0000');
}

/** Set each finding's status to new or unchanged; return the baseline findings that are gone. */
export function applyBaseline(audit: AuditReport, baseline: BaselineFinding[]): Comparison {
  // Findings in a redacted baseline have no text: they are matched on path and rule (and context) only.
  const key = (path: string, ruleId: string, actual: string, redacted: boolean) => groupKey(path, ruleId, redacted ? undefined : actual);
  const groups = new Map<string, { old: BaselineFinding[]; matched: boolean[] }>();
  for (const b of baseline) {
    const k = key(b.path, b.ruleId, b.actual, b.actual === REDACTED);
    const group = groups.get(k) ?? { old: [], matched: [] };
    group.old.push(b);
    group.matched.push(false);
    groups.set(k, group);
  }
  const current = audit.files.flatMap((f) => f.findings);
  for (const f of current) f.status = 'new';
  const candidates = (f: (typeof current)[number]) => [
    groups.get(key(f.path, f.ruleId, f.actual, false)),
    groups.get(key(f.path, f.ruleId, f.actual, true)),
  ];
  // Pass 1: same words on both sides. Pass 2: same words on one side (an edit right next to it).
  const passes: Array<(a: ContextFingerprint, b: ContextFingerprint) => boolean> = [
    (a, b) => a.before === b.before && a.after === b.after,
    (a, b) => a.before === b.before || a.after === b.after,
  ];
  for (const same of passes) {
    for (const f of current) {
      if (f.status !== 'new') continue;
      for (const group of candidates(f)) {
        const i = group?.old.findIndex((b, n) => !group.matched[n] && b.fingerprint && same(b.fingerprint, f.fingerprint)) ?? -1;
        if (group && i !== -1) {
          group.matched[i] = true;
          f.status = 'unchanged';
          break;
        }
      }
    }
  }
  // Pass 3: a baseline without context (plain `reframe --format json`): pair the rest in order of appearance.
  for (const f of current) {
    if (f.status !== 'new') continue;
    for (const group of candidates(f)) {
      const i = group?.old.findIndex((b, n) => !group.matched[n] && !b.fingerprint) ?? -1;
      if (group && i !== -1) {
        group.matched[i] = true;
        f.status = 'unchanged';
        break;
      }
    }
  }
  const resolved: ResolvedFinding[] = [];
  for (const group of groups.values()) {
    group.old.forEach((b, n) => {
      if (!group.matched[n]) {
        resolved.push({
          path: b.path,
          ruleId: b.ruleId,
          category: b.category,
          severity: b.severity,
          actual: b.actual,
          location: b.location,
        });
      }
    });
  }
  const unchangedCount = current.filter((f) => f.status === 'unchanged').length;
  return { newCount: current.length - unchangedCount, unchangedCount, resolved };
}
