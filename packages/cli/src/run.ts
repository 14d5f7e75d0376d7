/** Everything after argument parsing: loaded lazily by main.ts so --help and --version start fast. */
import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { GenreOfDocument, Severity } from '@reframe/core';
import { lintDocument, type Task, type TaskResult, tooLarge } from './analyse.js';
import { writeFileAtomic } from './atomic.js';
import { LintCache } from './cache.js';
import { type ChangedLines, changedSince, onChangedLine } from './changed.js';
import type { CommandLine } from './cli-options.js';
import { runInit } from './commands/init.js';
import { explainRule, listRules } from './commands/rules.js';
import { type Overrides, overridesFrom, RunContext } from './context.js';
import { unifiedDiff } from './diff.js';
import { decodeText, loadDocument, type TextEncodingName } from './documents.js';
import { ConfigFailure, UsageError } from './errors.js';
import { expandPaths, formatOf, SUPPORTED_EXTENSIONS } from './files.js';
import { fixUntilStable, writeFixed } from './fix.js';
import { FORMATS, type FormatName, format } from './formatters/index.js';
import type { Io } from './io.js';
import { analyseAll, PARALLEL_THRESHOLD } from './parallel.js';
import { printable } from './printable.js';
import { redactLintRun } from './redact.js';
import {
  describePlace,
  isOfficeFormat,
  type LintedFile,
  type LintRun,
  type OfficeFormat,
  type PlacedDiagnostic,
  summarise,
} from './types.js';

const EDITOR: Record<OfficeFormat, string> = {
  docx: 'a word processor',
  odt: 'a word processor',
  pptx: 'the presentation program',
};
const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export async function run(cli: CommandLine, io: Io, version: string): Promise<number> {
  const { values, positionals } = cli;
  const overrides = overridesFrom(cli.values);
  const explicitConfig = values.config ? resolve(io.cwd, values.config) : undefined;
  const context = new RunContext(version, explicitConfig, overrides);
  const [command, ...rest] = positionals;

  if (command === 'init') {
    if (rest.length) throw new UsageError('init takes no arguments');
    return runInit({ cwd: io.cwd, stdout: io.stdout, ask: io.ask }, overrides.preset);
  }
  if (command === 'rules' || command === 'explain') {
    const settings = context.forFile(join(io.cwd, '(rules)'));
    const json = values.format === 'json';
    if (command === 'rules') {
      if (rest.length) throw new UsageError('rules takes no arguments (use --category NAME to filter)');
      io.stdout(listRules(settings.ruleSet, settings.config, { category: values.category, json }));
      return 0;
    }
    if (rest.length !== 1 || !rest[0]) throw new UsageError('explain takes one rule id, e.g. reframe explain suicide/committed-suicide');
    io.stdout(explainRule(settings.ruleSet, settings.config, rest[0]));
    return 0;
  }
  return lintCommand(cli, io, context, { version, explicitConfig, overrides });
}

interface LintSetup {
  version: string;
  explicitConfig: string | undefined;
  overrides: Overrides;
}

function checkLintOptions(cli: CommandLine): {
  formatName: FormatName;
  failOn: Severity;
  maxWarnings: number | undefined;
  jobs: number | undefined;
} {
  const { values, positionals } = cli;
  const formatName = (values.format ?? 'stylish') as FormatName;
  if (!FORMATS.includes(formatName)) throw new UsageError(`unknown format "${values.format}" (use ${FORMATS.join(', ')})`);
  const failOn = (values['fail-on'] ?? 'warning') as Severity;
  if (!(failOn in SEVERITY_RANK)) throw new UsageError(`--fail-on takes error, warning, info or hint (got "${values['fail-on']}")`);
  const count = (name: 'max-warnings' | 'jobs'): number | undefined => {
    const raw = values[name];
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} takes a whole number (got "${raw}")`);
    return Number(raw);
  };
  if (values.stdin && positionals.length) throw new UsageError('--stdin reads standard input: give no files or folders with it');
  if (!values.stdin && values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename needs --stdin');
  if (!values.stdin && positionals.length === 0) throw new UsageError('no files or folders given');
  if (values.fix && values['fix-dry-run']) throw new UsageError('use either --fix or --fix-dry-run, not both');
  if (values.fix && values.stdin) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run to see the changes');
  if (values.stdin && values['changed-since'])
    throw new UsageError('--changed-since compares files with git; it cannot be used with --stdin');
  if (values['cache-location'] !== undefined && !values.cache) throw new UsageError('--cache-location needs --cache');
  return { formatName, failOn, maxWarnings: count('max-warnings'), jobs: count('jobs') };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

async function lintCommand(cli: CommandLine, io: Io, context: RunContext, setup: LintSetup): Promise<number> {
  const { values, positionals } = cli;
  const options = checkLintOptions(cli);
  // Notices name files, whose names may hold terminal escapes: those are written out, not sent.
  const notice = (message: string) => io.stderr(`reframe: ${printable(message)}\n`);
  const changed: ChangedLines | undefined = values['changed-since'] ? changedSince(values['changed-since'], io.cwd) : undefined;

  let files: LintedFile[];
  if (values.stdin) {
    files = [await lintStdin(cli, io, context, notice)];
  } else {
    const expansion = expandPaths(positionals, io.cwd);
    for (const path of expansion.ignored) notice(`skipped ${displayPath(path, io.cwd)}: ignored by .gitignore or .reframeignore`);
    // Listed as skipped in the report too, so a JSON or SARIF reader sees what was not checked.
    const unreadable: LintedFile[] = [...expansion.unreadableFolders, ...expansion.linksOut].map(({ path, reason }) => {
      const display = displayPath(path, io.cwd);
      notice(`skipped ${display}: ${reason}`);
      return { path: display, absPath: path, format: undefined, diagnostics: [], skipped: reason };
    });
    const cache = values.cache ? new LintCache(resolve(io.cwd, values['cache-location'] ?? '.reframecache')) : undefined;
    cache?.load();
    const tasks: Task[] = [];
    let totalBytes = 0;
    for (const file of expansion.files) {
      if (changed && !changed.has(file.path)) continue;
      if (expansion.files.length > PARALLEL_THRESHOLD && options.jobs === undefined) totalBytes += sizeOf(file.path);
      tasks.push({
        index: tasks.length,
        absPath: file.path,
        display: displayPath(file.path, io.cwd),
        format: formatOf(file.path),
        cached: cache?.get(file.path),
        useCache: cache !== undefined,
      });
    }
    const debug = io.env.REFRAME_DEBUG ? notice : undefined;
    const results: TaskResult[] = await analyseAll(tasks, {
      context,
      toolVersion: setup.version,
      ...setup,
      jobs: options.jobs,
      totalBytes,
      ...(debug ? { debug } : {}),
    });
    files = unreadable;
    for (const r of results) {
      if (r.failure) {
        if (r.failure.kind === 'config') throw new ConfigFailure(r.failure.message);
        throw new UsageError(r.failure.message);
      }
      if (r.notice) notice(r.notice);
      for (const n of r.notices ?? []) notice(n);
      if (r.ignored || !r.file) continue;
      if (r.cacheEntry && r.file.absPath) cache?.set(r.file.absPath, r.cacheEntry);
      files.push(r.file);
    }
    try {
      cache?.save();
    } catch (error) {
      notice(`could not write the cache ${cache?.location}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }

  const keepChanged = (file: LintedFile, diagnostics: PlacedDiagnostic[]): PlacedDiagnostic[] => {
    const ranges = changed && file.absPath ? changed.get(file.absPath) : undefined;
    if (!changed || !ranges) return diagnostics;
    // Office documents have no lines git could compare: their findings are all kept.
    return diagnostics.filter((d) => describePlace(d) !== undefined || onChangedLine(ranges, d.range.start.line, d.range.end.line));
  };
  for (const file of files) file.diagnostics = keepChanged(file, file.diagnostics);

  let diffs = '';
  if (values.fix || values['fix-dry-run']) {
    for (const file of files) {
      if (file.skipped) continue;
      // Office documents are read through extracted text and never written; their findings carry no fix.
      if (isOfficeFormat(file.format)) {
        if (file.diagnostics.length)
          notice(`${file.path}: fixes are not applied to .${file.format} files; edit them in ${EDITOR[file.format]}`);
        continue;
      }
      if (!file.diagnostics.some((d) => d.fix)) continue;
      const result = await fixFile(file, context, values.stdin ? await stdinBytes(io) : undefined, (d) => keepChanged(file, d));
      file.diagnostics = result.diagnostics;
      file.genre = result.genre;
      if (values['fix-dry-run']) diffs += unifiedDiff(file.path, result.before, result.after);
      else if (result.after !== result.before && file.absPath && !values.stdin) {
        try {
          writeFixed(file.absPath, result.bytes, result.after, result.bom, result.encoding, io.cwd);
        } catch (error) {
          if (error instanceof UsageError) throw error;
          throw new UsageError(
            `${file.path}: cannot write the fixed file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
          );
        }
      }
    }
  }

  if (values.quiet) for (const file of files) file.diagnostics = file.diagnostics.filter((d) => d.severity === 'error');
  const lintRun: LintRun = { version: 1, files, summary: summarise(files) };
  const shown = values.redact ? redactLintRun(lintRun) : lintRun;
  const colorWanted = values.color ? true : io.isTTY && !values['no-color'] && !io.env.NO_COLOR;
  const color = Boolean(colorWanted) && !values['no-color'] && options.formatName === 'stylish' && !values['output-file'];
  const output = values['fix-dry-run']
    ? diffs
    : format(options.formatName, shown, {
        color,
        toolVersion: setup.version,
        cwd: io.cwd,
        redact: Boolean(values.redact),
        verbose: Boolean(values.verbose),
      });
  if (values['output-file']) {
    const target = resolve(io.cwd, values['output-file']);
    try {
      writeFileAtomic(target, output);
    } catch (error) {
      throw new UsageError(
        `${values['output-file']}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
  } else io.stdout(output);

  const all = files.flatMap((f) => f.diagnostics);
  const failing = all.some((d) => SEVERITY_RANK[d.severity] >= SEVERITY_RANK[options.failOn]);
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) notice(`${warnings} warnings, more than --max-warnings ${options.maxWarnings}`);
  return failing || tooManyWarnings ? 1 : 0;
}

let stdinCache: Buffer | undefined;
async function stdinBytes(io: Io): Promise<Buffer> {
  if (stdinCache === undefined) {
    if (!io.readStdin) throw new UsageError('standard input is not available');
    stdinCache = await io.readStdin();
  }
  return stdinCache;
}

async function lintStdin(cli: CommandLine, io: Io, context: RunContext, notice: (message: string) => void): Promise<LintedFile> {
  const name = cli.values['stdin-filename'];
  const absPath = name ? resolve(io.cwd, name) : join(io.cwd, '<stdin>');
  const display = name ? displayPath(absPath, io.cwd) : '<stdin>';
  const fileFormat = name ? formatOf(name) : 'text';
  if (!fileFormat) throw new UsageError(`--stdin-filename ${name}: not a supported file type (${SUPPORTED_EXTENSIONS.join(', ')})`);
  const settings = context.forFile(absPath);
  const bytes = await stdinBytes(io);
  if (bytes.length > settings.maxFileSize)
    throw new UsageError(`standard input (${display}): ${tooLarge(bytes.length, settings.maxFileSize)}`);
  const loaded = await loadDocument(fileFormat, bytes, settings.maxFileSize);
  if ('skipped' in loaded) throw new UsageError(`standard input (${display}): ${loaded.skipped}`);
  // absPath names the file the input stands for (its config applies); nothing is ever written to it.
  const { diagnostics, genre } = lintDocument(loaded.document, settings, (message) => notice(`${display}: ${message}`));
  return { path: display, absPath, format: fileFormat, genre, diagnostics };
}

interface FixOutcome {
  before: string;
  after: string;
  bytes: Buffer;
  bom: boolean;
  encoding: TextEncodingName;
  diagnostics: PlacedDiagnostic[];
  /** The genre of the fixed text. */
  genre: GenreOfDocument;
}

async function fixFile(
  file: LintedFile,
  context: RunContext,
  stdin: Buffer | undefined,
  keep: (d: PlacedDiagnostic[]) => PlacedDiagnostic[],
): Promise<FixOutcome> {
  const format = file.format ?? 'text';
  let bytes: Buffer;
  try {
    bytes = stdin ?? readFileSync(file.absPath ?? '');
  } catch (error) {
    throw new UsageError(`${file.path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const { text, bom, encoding } = decodeText(bytes);
  const settings = context.forFile(file.absPath ?? file.path);
  if (isOfficeFormat(format)) throw new Error(`fixFile called for a .${format} file`); // the caller never does
  // The last lint is of the fixed text: its genre is the one reported.
  let genre: GenreOfDocument = { genre: null, source: 'detected' };
  const fixed = fixUntilStable(text, (t) => {
    const linted = lintDocument({ text: t, lintFormat: format, bytes, bom }, settings);
    genre = linted.genre;
    return keep(linted.diagnostics);
  });
  return { before: text, after: fixed.text, bytes, bom, encoding, diagnostics: fixed.diagnostics, genre };
}
