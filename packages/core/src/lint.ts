/**
 * lint(text, options) → Diagnostic[]: pure, synchronous, no file system. Three stages: the document is
 * prepared (directives read, front matter blanked), matched (the fast path, which must equal the
 * reference path), and each match repaired into a diagnostic by named steps. lintDocument gives the
 * same findings and the notices (Markdown read as plain text, and where).
 */

import { type ResolvedConfig, resolveConfig } from './config/resolve.js';
import { equalityDiagnostics } from './equality/diagnostics.js';
import { runFast } from './fast/route.js';
import { runReference } from './matching/reference.js';
import { repairCuesOf } from './repair/cues.js';
import { toDiagnostics } from './repair/diagnostics.js';
import type { CompiledRuleSet } from './rules/compile.js';
import { scopeCuesOf } from './scope/cues.js';
import { detectGenre } from './scope/genre.js';
import { type MarkdownPlan, planMarkdown } from './text/markdown-plan.js';
import { LineIndex } from './text/positions.js';
import { type PreparedDocument, prepareDocument } from './text/prepare.js';
import { readingNotices } from './text/reading-notices.js';
import type { Diagnostic, DocumentFormat, GenreOfDocument, LintResult } from './types.js';

export interface LintOptions {
  ruleSet: CompiledRuleSet;
  /** Resolved settings; defaults to the `clinical-notes` preset. */
  config?: ResolvedConfig;
  format?: DocumentFormat;
  /**
   * The document's genre when the caller settled it already (the language server lints a document in
   * pieces, and settles its genre once on the whole text). Else a `reframe-genre` directive, the
   * config's `genre`, or detection settles it.
   */
  genre?: GenreOfDocument;
}

/** 'fast': the prefilter, then only candidate blocks and windows. 'reference': every candidate block whole, Markdown as one document. */
export type MatchingPath = 'fast' | 'reference';

const defaultConfigCache = new WeakMap<CompiledRuleSet, ResolvedConfig>();

function defaultConfig(ruleSet: CompiledRuleSet): ResolvedConfig {
  let config = defaultConfigCache.get(ruleSet);
  if (!config) defaultConfigCache.set(ruleSet, (config = resolveConfig({}, ruleSet)));
  return config;
}

export function lint(text: string, options: LintOptions): Diagnostic[] {
  return lintDocumentBy('fast', text, options).diagnostics;
}

/** The findings `lint` gives, and the notices: which parts of the document were read as plain text, and why. */
export function lintDocument(text: string, options: LintOptions): LintResult {
  return lintDocumentBy('fast', text, options);
}

/** Internal (`@reframe/core/internal`): lint by the given path, for the tests that hold the fast path to the reference and the bench. */
export function lintBy(path: MatchingPath, text: string, options: LintOptions): Diagnostic[] {
  return lintDocumentBy(path, text, options).diagnostics;
}

/** Internal: lintDocument by the given path. Both paths read a Markdown document by the same plan, so they give the same notices. */
export function lintDocumentBy(path: MatchingPath, text: string, options: LintOptions): LintResult {
  const { ruleSet } = options;
  const config = options.config ?? defaultConfig(ruleSet);
  const format = options.format ?? 'text';
  const prepared = prepareDocument(text, format);
  if (!prepared) return { diagnostics: [], notices: [], genre: { genre: null, source: 'detected' } };
  // Detection reads the document's start word by word: it runs only when a finding's rule or the
  // caller asks (the result's `genre` is settled on first read).
  let genre = options.genre;
  const settled = (): GenreOfDocument => {
    genre ??= settleGenre(prepared, config, ruleSet);
    return genre;
  };
  const plan: MarkdownPlan | undefined = format === 'markdown' ? planMarkdown(prepared.masked) : undefined;
  const run = path === 'reference' ? runReference : runFast;
  const { matches, equality, unparsed } = run(text, prepared.masked, format, ruleSet, config, plan);
  const lines = new LineIndex(text);
  const repair = {
    text,
    directives: prepared.directives,
    config,
    genre: () => settled().genre,
    cues: scopeCuesOf(ruleSet),
    repairCues: repairCuesOf(ruleSet.data.context.repair),
  };
  const diagnostics = toDiagnostics(matches, repair, lines);
  for (const file of equality) diagnostics.push(...equalityDiagnostics(file, text, lines, prepared.directives));
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
  const result = { diagnostics, notices: readingNotices(text, plan, unparsed) } as LintResult;
  return Object.defineProperty(result, 'genre', { get: settled, enumerable: true });
}

/** A `reframe-genre` directive wins, then the config's `genre`, then what the document looks like. */
function settleGenre(prepared: PreparedDocument, config: ResolvedConfig, ruleSet: CompiledRuleSet): GenreOfDocument {
  if (prepared.directives.genre) return { genre: prepared.directives.genre, source: 'directive' };
  if (config.genre !== 'auto') return { genre: config.genre, source: 'config' };
  return { genre: detectGenre(prepared.masked, scopeCuesOf(ruleSet)), source: 'detected' };
}

/** The genre of a whole document under a config, for front ends that lint it in pieces (see LintOptions.genre). */
export function genreOfDocument(text: string, options: Pick<LintOptions, 'ruleSet' | 'config' | 'format'>): GenreOfDocument {
  const config = options.config ?? defaultConfig(options.ruleSet);
  const prepared = prepareDocument(text, options.format ?? 'text');
  return prepared ? settleGenre(prepared, config, options.ruleSet) : { genre: null, source: 'detected' };
}

/**
 * The notices about how a document would be read, without linting it: which parts of a Markdown
 * document are read as plain text, and why (not the parser's stack overflows, found only by parsing).
 * Linear; for front ends that lint a document in pieces (the language server).
 */
export function readingNoticesFor(text: string, format: DocumentFormat): LintResult['notices'] {
  if (format !== 'markdown') return [];
  const prepared = prepareDocument(text, format);
  return prepared ? readingNotices(text, planMarkdown(prepared.masked), []) : [];
}
