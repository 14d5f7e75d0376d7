/**
 * Parsing one slice of a document and collecting the findings in it. Both paths work in slices: the
 * reference path in whole blocks, the fast path in candidate blocks and windows.
 */
import type { Processor } from 'unified';
import { VFile } from 'vfile';
import type { ResolvedConfig } from '../config/resolve.js';
import type { CompiledRuleSet } from '../rules/compile.js';
import { textBlocks } from '../text/blocks.js';
import { mask } from '../text/directives.js';
import type { MarkdownPlan } from '../text/markdown-plan.js';
import type { Span, SpanLookup } from '../text/spans.js';
import type { DocumentFormat } from '../types.js';
import type { RuleMatch } from './find.js';
import type { Processors } from './processors.js';
import { findInParagraphs, type ReframeRun } from './retext-reframe.js';
import type { ParagraphTokens } from './tokens.js';

/**
 * What a run collects: the rules' matches, the files holding retext-equality's messages, and the
 * Markdown slices the parser could not take (its call stack overflowed) that were read as plain text.
 */
export interface Runs {
  matches: RuleMatch[];
  equality: VFile[];
  unparsed: Span[];
}

/** One document as a matching path reads it: what each of its slices is linted with, and where the results go. */
export interface Reading {
  /** The document as written (quotations are read from it). */
  text: string;
  /** The document with directives and front matter blanked: the same length and line breaks. */
  masked: string;
  config: ResolvedConfig;
  ruleSet: CompiledRuleSet;
  processors: Processors;
  out: Runs;
}

/** A matching path: the matches in a document; a Markdown document is read by `plan` (made when not given). */
export type MatchingRun = (
  text: string,
  masked: string,
  format: DocumentFormat,
  ruleSet: CompiledRuleSet,
  config: ResolvedConfig,
  plan?: MarkdownPlan,
) => Runs;

/** Parse text[start, end) (plus optional trailing context) and collect the matches starting in `keep`. */
export type RunSlice = (
  processor: Processor,
  start: number,
  end: number,
  keep: (offset: number) => boolean,
  suffix?: string,
  blockQuotes?: SpanLookup,
) => void;

/** The tokens of source[start, end) read without the parser, or null when only a parse is certain. */
export type TokensWithoutParser = (source: string, start: number, end: number) => ParagraphTokens[] | null;

/**
 * `withoutParser`: a plain-text processor whose slices may skip the parser when `tokensOf` is certain
 * of their tokens. Only the fast path passes them; the reference path always parses.
 */
export function slicer(
  text: string,
  source: string,
  config: ResolvedConfig,
  out: Runs,
  ruleSet: CompiledRuleSet,
  withoutParser?: { processor: Processor; tokensOf: TokensWithoutParser },
): RunSlice {
  return (processor, start, end, keep, suffix = '', blockQuotes) => {
    const matches: RuleMatch[] = [];
    const data: ReframeRun = { source: text, base: start, respect: config.respect, extraAllow: config.allow, matches };
    if (blockQuotes) data.blockQuotes = blockQuotes;
    if (processor === withoutParser?.processor && suffix === '' && !config.equality) {
      const paragraphs = withoutParser.tokensOf(source, start, end);
      if (paragraphs) {
        findInParagraphs(paragraphs, data, ruleSet);
        for (const m of matches) if (keep(m.start)) out.matches.push(m);
        return;
      }
    }
    const file = new VFile({ value: source.slice(start, end) + suffix, data: { reframe: data } });
    const tree = processor.parse(file);
    processor.runSync(tree, file);
    for (const m of matches) if (keep(m.start)) out.matches.push(m);
    if (config.equality && file.messages.length) {
      file.messages = file.messages.filter((m) => keep(((m.place && 'start' in m.place ? m.place.start.offset : undefined) ?? 0) + start));
      if (file.messages.length) out.equality.push(Object.assign(file, { data: { ...file.data, base: start } }));
    }
  };
}

/**
 * Parse a Markdown slice; if the Markdown stack overflows its call stack (deeply nested quotes or lists,
 * or a huge single paragraph: mdast-util-to-nlcst recurses and spreads arrays), lint the same slice as
 * plain text, block by block, so one odd document never stops a run. Slices that would cost the parser
 * far more than their size never get here: the plan reads them as text (see markdown-plan.ts).
 */
export function markdownOrText(
  run: RunSlice,
  processors: Processors,
  out: Runs,
  source: string,
  start: number,
  end: number,
  keep: (offset: number) => boolean,
  suffix = '',
  asText = (): void => {
    for (const b of textBlocks(source.slice(start, end))) run(processors.text, start + b.start, start + b.end, keep);
  },
): void {
  try {
    run(processors.markdown(), start, end, keep, suffix);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    out.unparsed.push([start, end]);
    asText();
  }
}

/**
 * A Markdown document parsed whole, as the reference path reads it: the blocks the plan reads as plain
 * text are blanked out of the parse (their lines kept) and handed to `asText`.
 */
export function wholeMarkdown(reading: Reading, plan: MarkdownPlan, asText: (start: number, end: number) => void): void {
  const { text, masked, config, out, ruleSet, processors } = reading;
  for (const [start, end] of plan.textSpans) asText(start, end);
  const parsed = mask(masked, plan.textSpans);
  markdownOrText(slicer(text, parsed, config, out, ruleSet), processors, out, parsed, 0, parsed.length, () => true);
}
