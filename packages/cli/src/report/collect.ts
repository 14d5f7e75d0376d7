/**
 * Find the files to audit and lint each one with core. Reads everything `reframe` reads (Markdown,
 * text, HTML, .docx, slide decks and OpenDocument text). A file that cannot be read, or is over the
 * size limit, is listed as skipped and the run goes on.
 */
import { relative } from 'node:path';
import { type Diagnostic, type DocumentFormat, lintDocument } from '@reframe/core';
import type { RunContext } from '../context.js';
import { loadDocument } from '../documents.js';
import { expandPaths, formatOf } from '../files.js';
import { readRegularFile } from '../read-file.js';
import type { DocumentPlace } from '../types.js';
import type { AuditedFile, AuditFinding } from './model.js';
import { contextFingerprint, sentenceAround } from './sentence.js';

interface Readable {
  text: string;
  lintFormat: DocumentFormat;
  /** Extra location fields for the finding at an offset. */
  place: (offset: number) => DocumentPlace;
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

async function readDocument(absPath: string, bytes: Buffer, limit: number): Promise<Readable | { skipped: string }> {
  const format = formatOf(absPath);
  if (!format) return { skipped: 'not a supported file type' };
  const loaded = await loadDocument(format, bytes, limit);
  if ('skipped' in loaded) return loaded;
  const { text, lintFormat, place } = loaded.document;
  return { text, lintFormat, place: place ?? (() => ({})) };
}

function toAuditFinding(path: string, d: Diagnostic, doc: Readable): AuditFinding {
  const start = d.range.start.offset;
  const end = d.range.end.offset;
  return {
    path,
    ruleId: d.ruleId,
    category: d.category,
    severity: d.severity,
    message: d.message,
    actual: d.actual,
    ...(d.term !== undefined ? { term: d.term } : {}),
    suggestions: d.suggestions,
    repairs: d.repairs,
    ...(d.fixWithheld ? { fixWithheld: d.fixWithheld } : {}),
    note: d.note,
    sources: d.sources,
    fixable: d.fix !== undefined,
    line: d.range.start.line,
    column: d.range.start.column,
    offset: start,
    end: d.range.end,
    ...doc.place(start),
    sentence: sentenceAround(doc.text, start, end),
    fingerprint: contextFingerprint(doc.text, start, end, d.ruleId, d.actual),
  };
}

export interface Collected {
  files: AuditedFile[];
  /** Files named on the command line but left out by an ignore file. */
  ignored: string[];
}

/** `exclude`: absolute paths never audited (the report being written: it quotes the documents). */
export async function collect(
  args: string[],
  cwd: string,
  context: RunContext,
  exclude: ReadonlySet<string> = new Set(),
): Promise<Collected> {
  const expansion = expandPaths(args, cwd);
  const paths = new Set(expansion.files.map((f) => f.path));
  for (const path of exclude) paths.delete(path);
  const files: AuditedFile[] = [...expansion.unreadableFolders, ...expansion.linksOut].map(({ path, reason }) => ({
    path: displayPath(path, cwd),
    skipped: reason,
    findings: [],
  }));
  for (const absPath of paths) {
    const path = displayPath(absPath, cwd);
    const settings = context.forFile(absPath);
    if (settings.isIgnored(absPath)) continue;
    // Only a regular file within the size limit is read (a file over the limit is never read into memory).
    const read = readRegularFile(absPath, settings.maxFileSize);
    if ('skipped' in read) {
      files.push({ path, skipped: read.skipped, findings: [] });
      continue;
    }
    const doc = await readDocument(absPath, read.bytes, settings.maxFileSize);
    if ('skipped' in doc) {
      files.push({ path, skipped: doc.skipped, findings: [] });
      continue;
    }
    const result = lintDocument(doc.text, { ruleSet: settings.ruleSet, config: settings.config, format: doc.lintFormat });
    const { genre, source } = result.genre;
    files.push({ path, genre: { genre, source }, findings: result.diagnostics.map((d) => toAuditFinding(path, d, doc)) });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, ignored: expansion.ignored.map((p) => displayPath(p, cwd)) };
}
