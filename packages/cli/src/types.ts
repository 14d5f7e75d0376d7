import type { Diagnostic, DocumentFormat } from '@reframe/core';

/** A finding as the CLI reports it: core's Diagnostic, plus the paragraph for Word documents. */
export interface ReportedDiagnostic extends Diagnostic {
  /** 1-based paragraph of a .docx; `range` then refers to lines of the extracted text. */
  paragraph?: number;
}

export type FileFormat = DocumentFormat | 'docx';

export interface FileResult {
  /** Path as given or found, relative to the working directory when inside it. */
  path: string;
  diagnostics: ReportedDiagnostic[];
  /** Set when the file was not linted (binary, unknown type, unreadable…). */
  skipped?: string;
}

/** What the CLI knows about a linted file beyond the report (never serialised in a report). */
export interface LintedFile extends FileResult {
  absPath: string | undefined;
  format: FileFormat | undefined;
}

export interface Summary {
  files: number;
  filesWithFindings: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  fixable: number;
  skipped: number;
}

export interface Report {
  version: 1;
  files: FileResult[];
  summary: Summary;
}

export function summarise(files: FileResult[]): Summary {
  const s: Summary = { files: 0, filesWithFindings: 0, errors: 0, warnings: 0, infos: 0, hints: 0, fixable: 0, skipped: 0 };
  for (const f of files) {
    if (f.skipped) {
      s.skipped++;
      continue;
    }
    s.files++;
    if (f.diagnostics.length) s.filesWithFindings++;
    for (const d of f.diagnostics) {
      if (d.severity === 'error') s.errors++;
      else if (d.severity === 'warning') s.warnings++;
      else if (d.severity === 'info') s.infos++;
      else s.hints++;
      if (d.fix) s.fixable++;
    }
  }
  return s;
}
