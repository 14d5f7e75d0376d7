/**
 * lint(text, options) → Diagnostic[]: pure, synchronous, no file system. Three stages: the document is
 * prepared (directives read, front matter blanked), matched (the fast path, which must equal the
 * reference path), and each match repaired into a diagnostic by named steps.
 */

import { type ResolvedConfig, resolveConfig } from './config/resolve.js';
import { equalityDiagnostics } from './equality/diagnostics.js';
import { runFast } from './fast/route.js';
import { runReference } from './matching/reference.js';
import { toDiagnostics } from './repair/diagnostics.js';
import type { CompiledRuleSet } from './rules/compile.js';
import { LineIndex } from './text/positions.js';
import { prepareDocument } from './text/prepare.js';
import type { Diagnostic, DocumentFormat } from './types.js';

export interface LintOptions {
  ruleSet: CompiledRuleSet;
  /** Resolved settings; defaults to the `clinical-notes` preset. */
  config?: ResolvedConfig;
  format?: DocumentFormat;
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
  return lintBy('fast', text, options);
}

/** Internal (`@reframe/core/internal`): lint by the given path, for the tests that hold the fast path to the reference and the bench. */
export function lintBy(path: MatchingPath, text: string, options: LintOptions): Diagnostic[] {
  const { ruleSet } = options;
  const config = options.config ?? defaultConfig(ruleSet);
  const format = options.format ?? 'text';
  const prepared = prepareDocument(text, format);
  if (!prepared) return [];
  const run = path === 'reference' ? runReference : runFast;
  const { matches, equality } = run(text, prepared.masked, format, ruleSet, config);
  const lines = new LineIndex(text);
  const diagnostics = toDiagnostics(matches, { text, directives: prepared.directives, config }, lines);
  for (const file of equality) diagnostics.push(...equalityDiagnostics(file, text, lines, prepared.directives));
  return diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
}
