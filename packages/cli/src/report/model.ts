/**
 * What `reframe report` builds (an AuditReport): findings with where they are and the words around them,
 * plus baseline status. Not to be confused with a lint run's result (LintRun, ../types.ts).
 */
import type { FixGuardName, GenreOfDocument, Repair, Severity, SourceRef } from '@reframe/core';

export type FindingStatus = 'new' | 'unchanged';

/** Hashes of the words just before and just after a finding (never the words themselves). */
export interface ContextFingerprint {
  before: string;
  after: string;
}

/** One finding in an audit report, flattened for rendering and baseline matching. */
export interface AuditFinding {
  path: string;
  ruleId: string;
  category: string;
  severity: Severity;
  message: string;
  actual: string;
  /** As in core's Diagnostic: the term alone when `actual` also holds a word the repair takes in. */
  term?: string;
  suggestions: string[];
  /** The suggestions with their repair kinds. */
  repairs: Repair[];
  /** The guard that kept a safe repair from being applied here, as in core's Diagnostic. */
  fixWithheld?: FixGuardName;
  note: string;
  sources: SourceRef[];
  /** A safe repair is applied here by --fix (the guards allow it). */
  fixable: boolean;
  /** 1-based line and column in the linted text (for slide decks and Word files: the extracted text). */
  line: number;
  column: number;
  offset: number;
  /** Where the flagged words end, as in core's Diagnostic range. */
  end: { line: number; column: number; offset: number };
  /** Set for .docx and .odt. */
  paragraph?: number;
  /** Set for .pptx. */
  slide?: number;
  notes?: boolean;
  slideLine?: number;
  /** The sentence around the finding, split around the flagged words; absent under --redact. */
  sentence?: { before: string; match: string; after: string };
  fingerprint: ContextFingerprint;
  /** Set when a baseline was given. */
  status?: FindingStatus;
}

/** A finding of the baseline that no longer occurs. */
export interface ResolvedFinding {
  path: string;
  ruleId: string;
  category: string;
  severity: Severity;
  actual: string;
  location: string;
}

export interface AuditedFile {
  path: string;
  /** The document's genre and how it was settled; absent for a skipped file. */
  genre?: GenreOfDocument;
  /** Why the file was not read; it is then listed but has no findings. */
  skipped?: string;
  findings: AuditFinding[];
}

export interface AuditReport {
  toolVersion: string;
  files: AuditedFile[];
  /** Present when a baseline was given. */
  resolved?: ResolvedFinding[];
  redacted: boolean;
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export function describeLocation(f: {
  line?: number;
  column?: number;
  paragraph?: number;
  slide?: number;
  notes?: boolean;
  slideLine?: number;
}): string {
  if (f.slide !== undefined) return `slide ${f.slide}${f.notes ? ' notes' : ''}, line ${f.slideLine ?? 1}`;
  if (f.paragraph !== undefined) return `paragraph ${f.paragraph}`;
  return `line ${f.line ?? 1}, column ${f.column ?? 1}`;
}

export function allFindings(audit: AuditReport): AuditFinding[] {
  return audit.files.flatMap((f) => f.findings);
}
