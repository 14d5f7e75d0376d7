/** Lint one file: read it, use the cache when it matches, else run core's `lint`. Runs in workers too. */
import { type GenreOfDocument, lintDocument as lintWithNotices, readingNoticesFor } from '@reframe/core';
import { ReframeFileError, ReframeFileErrors } from '@reframe/core/node';
import { type CacheEntry, entryKey, fromCached, toCached } from './cache.js';
import type { FileSettings, RunContext } from './context.js';
import { type LoadedDocument, loadDocument } from './documents.js';
import { UsageError } from './errors.js';
import { readRegularFile } from './read-file.js';
import type { FileFormat, LintedFile, PlacedDiagnostic } from './types.js';

export interface Task {
  index: number;
  absPath: string;
  display: string;
  format: FileFormat | undefined;
  /** The cache entry stored for this path, if any (the cache is read and written by the main thread). */
  cached?: CacheEntry | undefined;
  useCache: boolean;
}

export type Failure = { kind: 'usage' | 'config'; message: string };

export interface TaskResult {
  index: number;
  /** Left out of the run by the config's `ignore` globs. */
  ignored?: boolean;
  file?: LintedFile;
  notice?: string;
  /** How the file was read (Markdown read as plain text, and where), each once: the file's name and no text of it. */
  notices?: string[];
  cacheEntry?: CacheEntry;
  failure?: Failure;
}

/** A document's findings and its genre (how the genre was settled included). */
export interface LintedDocument {
  diagnostics: PlacedDiagnostic[];
  genre: GenreOfDocument;
}

export function lintDocument(doc: LoadedDocument, settings: FileSettings, notices?: (message: string) => void): LintedDocument {
  const options = { ruleSet: settings.ruleSet, config: settings.config, format: doc.lintFormat };
  const result = lintWithNotices(doc.text, options);
  const diagnostics: PlacedDiagnostic[] = result.diagnostics;
  if (notices) for (const n of result.notices) notices(n.message);
  if (doc.place) {
    for (const d of diagnostics) {
      Object.assign(d, doc.place(d.range.start.offset));
      // Office documents are never rewritten (--fix leaves them alone), so no finding in them is fixable.
      delete d.fix;
    }
  }
  // Read here: core settles the genre on first read (a getter); its value is a plain object, fit to
  // cross to the main thread.
  return { diagnostics, genre: result.genre };
}

export { tooLarge } from './read-file.js';

export function describeFailure(error: unknown): Failure {
  if (error instanceof UsageError) return { kind: 'usage', message: error.message };
  if (error instanceof ReframeFileErrors || error instanceof ReframeFileError) return { kind: 'config', message: error.message };
  throw error;
}

export async function analyseFile(task: Task, context: RunContext): Promise<TaskResult> {
  const { index, absPath, display, format } = task;
  const base = { path: display, absPath, format };
  if (!format) {
    return {
      index,
      file: { ...base, diagnostics: [], skipped: 'unsupported file type' },
      notice: `skipped ${display}: not a supported file type`,
    };
  }
  let settings: FileSettings;
  try {
    settings = context.forFile(absPath);
  } catch (error) {
    return { index, failure: describeFailure(error) };
  }
  if (settings.isIgnored(absPath)) return { index, ignored: true };
  const skip = (reason: string): TaskResult => ({
    index,
    file: { ...base, diagnostics: [], skipped: reason },
    notice: `skipped ${display}: ${reason}`,
  });
  // Only a regular file within the size limit is read (and a file over the limit is never read into memory).
  const read = readRegularFile(absPath, settings.maxFileSize);
  if ('skipped' in read) return skip(read.skipped);
  const { bytes } = read;
  const loaded = await loadDocument(format, bytes, settings.maxFileSize);
  if ('skipped' in loaded) return skip(loaded.skipped);
  const doc = loaded.document;
  const key = task.useCache ? entryKey(settings.fingerprint, format, bytes) : '';
  const notices: string[] = [];
  const noticed = (message: string) => notices.push(`${display}: ${message}`);
  // An entry without a genre or repairs (written by hand, or cut short) is not trusted: the file is linted again.
  if (
    task.useCache &&
    task.cached?.key === key &&
    typeof task.cached.genre === 'object' &&
    task.cached.genre !== null &&
    Array.isArray(task.cached.diagnostics) &&
    task.cached.diagnostics.every((d) => Array.isArray(d.repairs))
  ) {
    for (const n of readingNoticesFor(doc.text, doc.lintFormat)) noticed(n.message);
    const { genre, source } = task.cached.genre;
    return {
      index,
      file: { ...base, genre: { genre, source }, diagnostics: fromCached(task.cached, doc.text, settings.ruleSet) },
      notices,
    };
  }
  const { diagnostics, genre } = lintDocument(doc, settings, noticed);
  const result: TaskResult = { index, file: { ...base, genre, diagnostics }, notices };
  if (task.useCache) result.cacheEntry = toCached(key, diagnostics, genre, settings.ruleSet);
  return result;
}
