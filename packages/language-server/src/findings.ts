/**
 * Core findings as LSP diagnostics: `code` is the rule id. The structured finding (`FindingData`) stays
 * on the server, where code actions and hovers read it; on the wire `data` is only the start position.
 */
import { type Diagnostic, REPAIR_KINDS, type Repair, type Severity, type SourceRef, wordingOf } from '@reframe/core';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE, type WireData } from './protocol.js';

export const RULES_README = 'https://github.com/reframe-lint/reframe/blob/main/rules/README.md';

/**
 * What code actions and hovers are built from, kept with the server's copy of each diagnostic and
 * never sent (see WireData). The rule's note and sources are looked up by `ruleId` when needed.
 */
export interface FindingData {
  ruleId: string;
  /** UTF-16 offset of the range's start in the document version it was computed for. */
  offset: number;
  category: string;
  actual: string;
  /** The stigmatising term when `actual` also holds a word the repair takes in ("an addict"). */
  term?: string;
  suggestions: string[];
  /** The suggestions with their repair kinds. */
  repairs: Repair[];
  fix?: { range: [number, number]; text: string };
  /** The guard that kept a safe repair from being applied here. */
  fixWithheld?: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const slugs = new Map<string, string>();

/** GitHub's heading anchor for a rule id: lower case, punctuation other than - and _ dropped. */
export function ruleSlug(ruleId: string): string {
  let slug = slugs.get(ruleId);
  if (slug === undefined) {
    slug = ruleId
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    slugs.set(ruleId, slug);
  }
  return slug;
}

export function ruleReference(ruleId: string, bundled: boolean, sources: SourceRef[]): string | undefined {
  if (bundled) return `${RULES_README}#${ruleSlug(ruleId)}`;
  return sources[0]?.url;
}

/** The server's own diagnostic for a finding: the wire form plus the finding's data. */
export type FindingDiagnostic = LspDiagnostic & { data: FindingData };

/** The finding's data with its offsets moved by `by` (a block's findings are relative to the block). */
function findingData(finding: Diagnostic, by: number): FindingData {
  return {
    ruleId: finding.ruleId,
    offset: finding.range.start.offset + by,
    category: finding.category,
    actual: finding.actual,
    ...(finding.term !== undefined ? { term: finding.term } : {}),
    suggestions: finding.suggestions,
    repairs: finding.repairs,
    ...(finding.fixWithheld ? { fixWithheld: finding.fixWithheld } : {}),
    ...(finding.fix ? { fix: { range: [finding.fix.range[0] + by, finding.fix.range[1] + by], text: finding.fix.text } } : {}),
  };
}

function wireData(range: LspDiagnostic['range']): WireData {
  return { line: range.start.line, character: range.start.character };
}

/**
 * The wire diagnostic for a finding of a block that starts at the start of 0-based line `blockLine`,
 * with the finding's positions relative to the block (core's 1-based lines and UTF-16 columns). It
 * depends on the block's line, not its offset, so it stays right while only the offset changes. It is
 * frozen, nested objects too: it is sent again on later keystrokes, and its encoded form is kept.
 */
export function blockDiagnostic(finding: Diagnostic, blockLine: number, isBundled: (ruleId: string) => boolean): LspDiagnostic {
  const { start, end } = finding.range;
  const range = Object.freeze({
    start: Object.freeze({ line: blockLine + start.line - 1, character: start.column - 1 }),
    end: Object.freeze({ line: blockLine + end.line - 1, character: end.column - 1 }),
  });
  const href = ruleReference(finding.ruleId, isBundled(finding.ruleId), finding.sources);
  return Object.freeze({
    range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(href ? { codeDescription: Object.freeze({ href }) } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: Object.freeze(wireData(range)),
  });
}

/** The server's copy of a block's wire diagnostic: the same fields, with the finding's data in document offsets. */
export function serverCopy(wire: LspDiagnostic, finding: Diagnostic, blockStart: number): FindingDiagnostic {
  return { ...wire, data: findingData(finding, blockStart) };
}

/** The diagnostic as sent to the client: the same fields with `data` cut down to WireData. */
export function onTheWire(d: LspDiagnostic): LspDiagnostic {
  if (!isFindingData(d.data)) return d;
  return {
    range: d.range,
    severity: d.severity,
    code: d.code,
    ...(d.codeDescription ? { codeDescription: d.codeDescription } : {}),
    source: d.source,
    message: d.message,
    data: wireData(d.range),
  };
}

export function isFindingData(value: unknown): value is FindingData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<FindingData>;
  return (
    typeof v.ruleId === 'string' &&
    typeof v.offset === 'number' &&
    typeof v.actual === 'string' &&
    Array.isArray(v.suggestions) &&
    Array.isArray(v.repairs) &&
    v.repairs.length === v.suggestions.length &&
    v.repairs.every((r) => typeof r === 'object' && r !== null && typeof r.text === 'string' && REPAIR_KINDS.includes(r.kind))
  );
}

/** Suggestions that are wording to put in place, not advice ("describe the behaviour"). */
export function replacements(data: FindingData): string[] {
  return wordingOf(data.repairs);
}
