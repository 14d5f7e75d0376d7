/**
 * Find the files to audit and lint each one with core. Reads everything `reframe` reads, plus slide
 * decks (.pptx) and OpenDocument text (.odt). A file that cannot be read is listed as skipped and the
 * run goes on.
 */
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { type Diagnostic, type DocumentFormat, lint } from '@reframe/core';
import type { RunContext } from '../context.js';
import { loadDocument, paragraphAt } from '../documents.js';
import { UsageError } from '../errors.js';
import { extractOdt } from '../extract/odt.js';
import { extractPptx, type SlideLocation } from '../extract/pptx.js';
import { ExtractError, isOleCompoundFile } from '../extract/zip.js';
import { expandPaths, formatOf } from '../files.js';
import { IgnoreRules } from '../ignore-files.js';
import type { AuditedFile, Finding } from './model.js';
import { contextFingerprint, sentenceAround } from './sentence.js';

/** Formats the report reads itself (the main command may not know them yet). */
const OFFICE_EXTENSIONS = new Set(['.pptx', '.odt']);
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

interface Readable {
  text: string;
  lintFormat: DocumentFormat;
  /** Extra location fields for the finding at an offset. */
  place: (offset: number) => Pick<Finding, 'paragraph' | 'slide' | 'notes' | 'slideLine'>;
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** Slide decks and .odt files under the folders given (expandPaths only finds what `reframe` lints). */
function officeFilesUnder(args: string[], cwd: string): string[] {
  const rules = new IgnoreRules(cwd);
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // expandPaths has already reported unreadable folders
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !rules.ignores(full, true)) walk(full);
      } else if (e.isFile() && OFFICE_EXTENSIONS.has(extname(e.name).toLowerCase()) && !rules.ignores(full, false)) found.push(full);
    }
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    try {
      if (statSync(abs).isDirectory()) walk(abs);
    } catch {
      // Not a folder: globs and missing paths are expandPaths' business.
    }
  }
  return found;
}

async function readDocument(absPath: string, bytes: Buffer): Promise<Readable | { skipped: string }> {
  const extension = extname(absPath).toLowerCase();
  try {
    if (extension === '.pptx') {
      const deck = extractPptx(bytes);
      return {
        text: deck.text,
        lintFormat: 'text',
        place: (offset) => {
          const where: SlideLocation = deck.locate(offset) ?? { slide: 1, notes: false, line: 1 };
          return { slide: where.slide, notes: where.notes, slideLine: where.line };
        },
      };
    }
    if (extension === '.odt') {
      const doc = extractOdt(bytes);
      return { text: doc.text, lintFormat: 'text', place: (offset) => ({ paragraph: doc.locate(offset)?.paragraph ?? 1 }) };
    }
  } catch (error) {
    if (error instanceof ExtractError) return { skipped: error.message };
    throw error;
  }
  const format = formatOf(absPath);
  if (!format) return { skipped: 'not a supported file type' };
  if (format === 'docx' && isOleCompoundFile(bytes)) {
    return { skipped: 'password-protected, or an old binary Word file rather than .docx; save an unprotected .docx copy' };
  }
  const loaded = await loadDocument(absPath, format, bytes);
  if ('skipped' in loaded) return loaded;
  const { text, lintFormat } = loaded.document;
  return { text, lintFormat, place: format === 'docx' ? (offset) => ({ paragraph: paragraphAt(text, offset) }) : () => ({}) };
}

function toFinding(path: string, d: Diagnostic, doc: Readable): Finding {
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
  for (const extra of officeFilesUnder(args, cwd)) paths.add(extra);
  for (const path of exclude) paths.delete(path);
  const files: AuditedFile[] = [];
  for (const absPath of paths) {
    const path = displayPath(absPath, cwd);
    const settings = context.forFile(absPath);
    if (settings.isIgnored(absPath)) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(absPath);
    } catch (error) {
      throw new UsageError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const doc = await readDocument(absPath, bytes);
    if ('skipped' in doc) {
      files.push({ path, skipped: doc.skipped, findings: [] });
      continue;
    }
    const diagnostics = lint(doc.text, { ruleSet: settings.ruleSet, config: settings.config, format: doc.lintFormat });
    files.push({ path, findings: diagnostics.map((d) => toFinding(path, d, doc)) });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, ignored: expansion.ignored.map((p) => displayPath(p, cwd)) };
}
