/** Core findings as LSP diagnostics: `code` is the rule id, `data` the structured finding. */
import type { Diagnostic as Finding, Severity, SourceRef } from '@reframe/core';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const SOURCE = 'reframe';
export const RULES_README = 'https://github.com/reframe-lint/reframe/blob/main/rules/README.md';

/**
 * What code actions and hovers are built from; never parsed back out of the message. The rule's note
 * and sources are looked up by `ruleId` when needed: sent with every diagnostic they would more than
 * double each publishDiagnostics message.
 */
export interface FindingData {
  ruleId: string;
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

export function toLspDiagnostic(finding: Finding, doc: TextDocument, isBundled: (ruleId: string) => boolean): LspDiagnostic {
  const data: FindingData = {
    ruleId: finding.ruleId,
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

export function isFindingData(value: unknown): value is FindingData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<FindingData>;
  return typeof v.ruleId === 'string' && typeof v.actual === 'string' && Array.isArray(v.suggestions);
}

/** Suggestions that are wording, not bracketed instructions ("[describe the behaviour]"). */
export function replacements(data: FindingData): string[] {
  return data.suggestions.filter((s) => !s.startsWith('['));
}
