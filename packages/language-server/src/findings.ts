/**
 * Core findings as LSP diagnostics: `code` is the rule id. The structured finding (`FindingData`) stays
 * on the server, where code actions and hovers read it; on the wire `data` is only `{ offset }`.
 */
import type { Diagnostic as Finding, Severity, SourceRef } from '@reframe/core';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const SOURCE = 'reframe';
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
  fix?: { range: [number, number]; text: string };
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

/**
 * `Diagnostic.data` as published: where the finding starts (UTF-16 offset in the published version).
 * It marks a diagnostic as Reframe's and identifies it for clients that echo a diagnostic without its
 * range. Suggestions and fixes are not sent: with 500 findings they were a third of every message.
 */
export interface WireData {
  offset: number;
}

export function isWireData(value: unknown): value is WireData {
  return typeof value === 'object' && value !== null && typeof (value as Partial<WireData>).offset === 'number';
}

export function toLspDiagnostic(finding: Finding, doc: TextDocument, isBundled: (ruleId: string) => boolean): FindingDiagnostic {
  const data: FindingData = {
    ruleId: finding.ruleId,
    offset: finding.range.start.offset,
    category: finding.category,
    actual: finding.actual,
    ...(finding.term !== undefined ? { term: finding.term } : {}),
    suggestions: finding.suggestions,
    ...(finding.fix ? { fix: finding.fix } : {}),
  };
  const href = ruleReference(finding.ruleId, isBundled(finding.ruleId), finding.sources);
  return {
    range: { start: doc.positionAt(finding.range.start.offset), end: doc.positionAt(finding.range.end.offset) },
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: finding.message,
    data,
  };
}

/** The diagnostic as sent to the client: the same fields with `data` cut down to WireData. */
export function onTheWire(d: LspDiagnostic): LspDiagnostic {
  if (!isFindingData(d.data)) return d;
  const data: WireData = { offset: d.data.offset };
  return {
    range: d.range,
    severity: d.severity,
    code: d.code,
    ...(d.codeDescription ? { codeDescription: d.codeDescription } : {}),
    source: d.source,
    message: d.message,
    data,
  };
}

export function isFindingData(value: unknown): value is FindingData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<FindingData>;
  return typeof v.ruleId === 'string' && typeof v.offset === 'number' && typeof v.actual === 'string' && Array.isArray(v.suggestions);
}

/** Suggestions that are wording, not bracketed instructions ("[describe the behaviour]"). */
export function replacements(data: FindingData): string[] {
  return data.suggestions.filter((s) => !s.startsWith('['));
}
