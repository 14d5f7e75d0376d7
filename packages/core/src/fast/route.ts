/**
 * The fast path's router: which parts of a document to parse, and how. The prefilter finds every place
 * a rule could match; only blocks holding a candidate are parsed, large ones by windows around their
 * candidates, plain Markdown paragraphs as plain text, and slices whose tokens are certain without the
 * parser at all. It must give exactly the findings of the reference path (matching/reference.ts).
 */
import type { Processor } from 'unified';
import { enabledRulesOf, type ResolvedConfig } from '../config/resolve.js';
import { processorsFor } from '../matching/processors.js';
import {
  type MatchingRun,
  markdownOrText,
  type Reading,
  type RunSlice,
  type Runs,
  slicer,
  type TokensWithoutParser,
  wholeMarkdown,
} from '../matching/slices.js';
import { textBlocks } from '../text/blocks.js';
import { htmlToText } from '../text/html.js';
import { type MarkdownPlan, planMarkdown } from '../text/markdown-plan.js';
import { isPlainParagraph, onlyFencedCode, plainHeadingAndParagraph, plainListItems } from '../text/markdown-shape.js';
import { quoteSpans, type Span, SpanLookup } from '../text/spans.js';
import { plainParagraphs } from './plain-tokens.js';
import { type Candidate, candidatesIn, hasAnchor, type Prefilter, prefilterFor, withRequirementsMet } from './prefilter.js';
import { kept, planWindows } from './windows.js';

/** Blocks up to this size are parsed whole; larger ones by windows around their candidates. */
const WHOLE_BLOCK_LIMIT = 200;
/**
 * A rule whose exceptions read the whole paragraph (`scope: paragraph`) needs its block parsed whole,
 * up to this size. Beyond it the "paragraph" is a page of text with no blank line (a file without
 * line breaks): parsing it whole grows with the square of its size, so the exception reads
 * PARAGRAPH_CONTEXT sentences on each side instead. The only place the fast path may differ.
 */
const PARAGRAPH_SCOPE_LIMIT = 64 * 1024;
const PARAGRAPH_CONTEXT = 8;
const always = (): boolean => true;

/**
 * `text` is the document as written (quotations are read from it); `masked` has directives and front
 * matter blanked. A Markdown document's plan (which blocks are read as plain text) is made here unless
 * given; the reference path must be given the same.
 */
export const runFast: MatchingRun = (text, masked, format, ruleSet, config, plan) => {
  const processors = processorsFor(ruleSet, config.equality);
  const prefilter = prefilterFor(ruleSet, enabledRulesOf(config));
  const out: Runs = { matches: [], equality: [], unparsed: [] };
  const withoutParser = { processor: processors.text, tokensOf: plainParagraphs };
  if (format === 'markdown') {
    markdownFast({ text, masked, config, ruleSet, processors, out }, plan ?? planMarkdown(masked), prefilter, withoutParser);
    return out;
  }
  const source = format === 'html' ? htmlToText(masked) : masked;
  textFast(
    slicer(text, source, config, out, ruleSet, withoutParser),
    processors.text,
    prefilter,
    config,
    text,
    source,
    0,
    source.length,
    always,
  );
  return out;
};

/**
 * Markdown, block by block: blocks without a candidate are skipped, plain prose and blocks the plan
 * reads as text are linted as plain text, fenced code not at all, and the rest parsed as Markdown with
 * the document's link reference definitions after them. When those definitions, parsed again after
 * every block, would cost more than parsing the whole document, the document is parsed whole instead,
 * as the reference path parses it (a definitions block parsed after each of thousands of blocks took
 * minutes).
 */
function markdownFast(
  reading: Reading,
  plan: MarkdownPlan,
  prefilter: Prefilter,
  withoutParser: { processor: Processor; tokensOf: TokensWithoutParser },
): void {
  const { text, masked, config, out, ruleSet, processors } = reading;
  const run = slicer(text, masked, config, out, ruleSet, withoutParser);
  const asText = (start: number, end: number, keep: (offset: number) => boolean): void =>
    textFast(run, processors.text, prefilter, config, text, masked, start, end, keep);
  const steps: Array<() => void> = [];
  const parsed: Array<[number, number]> = [];
  let suffix = '';
  plan.blocks.forEach(({ start, end }, i) => {
    if (!config.equality && !hasAnchor(prefilter, masked.slice(start, end))) return;
    const keep = (offset: number) => offset >= start && offset < end;
    // Plain prose needs no Markdown parse (equality runs on the nlcst of whatever was parsed, so it may too).
    if (plan.asText[i] || isPlainParagraph(masked, start, end)) steps.push(() => asText(start, end, keep));
    else if (onlyFencedCode(masked, start, end)) return;
    else {
      const split = plainHeadingAndParagraph(masked, start, end) ?? plainListItems(masked, start, end);
      if (split)
        steps.push(() => {
          for (const [s, e] of split) asText(s, e, keep);
        });
      else {
        parsed.push([start, end]);
        steps.push(() => markdownOrText(run, processors, out, masked, start, end, keep, suffix, () => asText(start, end, keep)));
      }
    }
  });
  const suffixLength = plan.definitions.reduce((sum, d) => sum + d.end - d.start + 2, 0);
  const parsedLength = parsed.reduce((sum, [s, e]) => sum + e - s, 0);
  if (suffixLength > 0 && parsedLength + parsed.length * suffixLength > masked.length) {
    wholeMarkdown(reading, plan, (s, e) => asText(s, e, always));
    return;
  }
  suffix = plan.definitions.map((d) => `\n\n${masked.slice(d.start, d.end)}`).join('');
  for (const step of steps) step();
}

/** Blank-line blocks of source[from, to) (a plain-text document by default), each with the anchor offsets inside it. */
function blocksWithAnchors(
  source: string,
  prefilter: Prefilter,
  from = 0,
  to = source.length,
): Array<{ span: Span; anchors: Candidate[] }> {
  const part = from === 0 && to === source.length ? source : source.slice(from, to);
  const anchors = candidatesIn(prefilter, part).map((c) => (from ? { ...c, at: c.at + from } : c));
  const out: Array<{ span: Span; anchors: Candidate[] }> = [];
  let i = 0;
  for (const block of textBlocks(part)) {
    const span: Span = [block.start + from, block.end + from];
    while (i < anchors.length && (anchors[i]?.at ?? 0) < span[0]) i++;
    const inside: Candidate[] = [];
    for (let a = anchors[i]; a && a.at < span[1]; a = anchors[++i]) inside.push(a);
    out.push({ span, anchors: withRequirementsMet(inside, source, span[0], span[1]) });
  }
  return out;
}

/** Plain text in source[from, to): small blocks parsed whole, large ones by windows around their candidates. */
function textFast(
  run: RunSlice,
  processor: Processor,
  prefilter: Prefilter,
  config: ResolvedConfig,
  /** The document as written (quotations are read from it); `source` is what is parsed (same offsets). */
  text: string,
  source: string,
  from: number,
  to: number,
  keep: (offset: number) => boolean,
): void {
  for (const { span, anchors } of blocksWithAnchors(source, prefilter, from, to)) {
    const [start, end] = span;
    // retext-equality has its own vocabulary: with it on, every block is parsed (whole, as before).
    if (config.equality) {
      run(processor, start, end, keep);
      continue;
    }
    if (anchors.length === 0) continue;
    const paragraphScoped = new Set(anchors.filter((a) => a.paragraph).map((a) => a.at));
    if (end - start <= WHOLE_BLOCK_LIMIT || (paragraphScoped.size > 0 && end - start <= PARAGRAPH_SCOPE_LIMIT)) {
      run(processor, start, end, keep);
      continue;
    }
    const offsets = anchors.map((a) => a.at);
    const context = (at: number): number => (paragraphScoped.has(at) ? PARAGRAPH_CONTEXT : 0);
    const blockQuotes = new SpanLookup(quoteSpans(text.slice(start, end), start));
    for (const w of planWindows(source, start, end, offsets, context))
      run(processor, w.start, w.end, (offset) => keep(offset) && kept(w.keep, offset), '', blockQuotes);
  }
}
