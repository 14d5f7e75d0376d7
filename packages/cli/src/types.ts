import type { Diagnostic, DocumentFormat, GenreOfDocument, GenreSource } from '@reframe/core';

/** Where a finding is in an office document, which has no lines of its own. */
export interface DocumentPlace {
  /** 1-based paragraph of a .docx or .odt; `range` then refers to lines of the extracted text. */
  paragraph?: number;
  /** 1-based slide of a .pptx, in presentation order; `range` refers to lines of the extracted text. */
  slide?: number;
  /** The words are in the slide's speaker notes. */
  notes?: boolean;
  /** 1-based line of text on the slide (or in its notes), counting lines that have text. */
  slideLine?: number;
}

/** A finding as the CLI reports it: core's Diagnostic, plus its place in an office document (if any). */
export interface PlacedDiagnostic extends Diagnostic, DocumentPlace {}

export type FileFormat = DocumentFormat | OfficeFormat;

/** Formats read through extracted text: never written by --fix. */
export const OFFICE_FORMATS = ['docx', 'pptx', 'odt'] as const;
export type OfficeFormat = (typeof OFFICE_FORMATS)[number];

export function isOfficeFormat(format: FileFormat | undefined): format is OfficeFormat {
  return (OFFICE_FORMATS as readonly string[]).includes(format ?? '');
}

/** "slide 2, line 1", "slide 2 notes, line 3" or "paragraph 4"; undefined for files with lines of their own. */
export function describePlace(d: DocumentPlace): string | undefined {
  if (d.slide !== undefined) return `slide ${d.slide}${d.notes ? ' notes' : ''}, line ${d.slideLine ?? 1}`;
  if (d.paragraph !== undefined) return `paragraph ${d.paragraph}`;
  return undefined;
}

const GENRE_SOURCE: Record<GenreSource, string> = {
  detected: 'detected',
  config: 'set by the config',
  directive: 'set by a reframe-genre directive',
};

/** "genre: letter, detected", "genre: chart-note, set by the config", "genre: none, too little text to tell"; no document text. */
export function describeGenre(genre: GenreOfDocument | undefined): string {
  if (!genre) return 'genre: unknown';
  if (genre.genre === null) return 'genre: none, too little text to tell';
  return `genre: ${genre.genre}, ${GENRE_SOURCE[genre.source]}`;
}

export interface FileResult {
  /** Path as given or found, relative to the working directory when inside it. */
  path: string;
  /**
   * The document's genre and how it was settled (a `reframe-genre` directive, the config's `genre`, or
   * detected from the text; `genre` null when there is too little text to tell). Absent for a skipped file.
   */
  genre?: GenreOfDocument;
  diagnostics: PlacedDiagnostic[];
  /** Set when the file was not linted (binary, unknown type, unreadable…). */
  skipped?: string;
}

/** What the CLI knows about a linted file beyond its LintRun entry (never serialised in the output). */
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

/**
 * The result of one lint run (`reframe [options] PATHS`), which every output format is made from;
 * `--format json` prints it (without what LintedFile adds). Not to be confused with `reframe report`'s AuditReport.
 */
export interface LintRun {
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
