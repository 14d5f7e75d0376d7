/** lint(text, options) → Diagnostic[]: pure, synchronous, no file system. */
import retextEnglish from 'retext-english';
import { type Processor, unified } from 'unified';
import { VFile } from 'vfile';
import { agreeArticlesWithin, repairArticle } from './articles.js';
import type { CompiledRuleSet } from './compile.js';
import { enabledRulesOf, type ResolvedConfig, resolveConfig } from './config.js';
import { dropMisplacedVerbs, repairCopula } from './copula.js';
import { isDisabled, mask, scanDirectives } from './directives.js';
import { useEquality } from './equality-plugin.js';
import { hasCandidate, type RawFinding } from './find.js';
import { adaptCase, pluraliseSuggestion } from './inflect.js';
import { spellFor } from './locale.js';
import {
  isPlainParagraph,
  markdownGroups,
  onlyFencedCode,
  plainHeadingAndParagraph,
  plainListItems,
  tooCostlyForMarkdown,
} from './markdown-blocks.js';
import { markdownProcessor } from './markdown-processor.js';
import { plainParagraphs } from './plain-tokens.js';
import { LineIndex } from './positions.js';
import { type Candidate, candidatesIn, hasAnchor, type Prefilter, prefilterFor, withRequirementsMet } from './prefilter.js';
import { fillPronouns } from './pronouns.js';
import { findInParagraphs, type ReframeRun, retextReframe } from './retext-reframe.js';
import { quoteSpans, type Span, SpanLookup } from './spans.js';
import type { Diagnostic, DocumentFormat, Suggestion } from './types.js';
import { kept, planWindows } from './windows.js';

export interface LintOptions {
  ruleSet: CompiledRuleSet;
  /** Resolved settings; defaults to the `clinical-notes` preset. */
  config?: ResolvedConfig;
  format?: DocumentFormat;
  /**
   * 'fast' (default): prefilter, then parse only candidate windows (text) or candidate blocks
   * (Markdown). 'full': the reference path — every candidate block whole, Markdown as one document.
   * Internal: tests compare the two.
   */
  strategy?: 'fast' | 'full';
}

interface Processors {
  text: Processor;
  /** Built on first use: plain-text runs never load the Markdown stack. */
  markdown: () => Processor;
}

const processorCache = new WeakMap<CompiledRuleSet, Map<boolean, Processors>>();
const defaultConfigCache = new WeakMap<CompiledRuleSet, ResolvedConfig>();

function processorsFor(ruleSet: CompiledRuleSet, equality: boolean): Processors {
  let byMode = processorCache.get(ruleSet);
  if (!byMode) processorCache.set(ruleSet, (byMode = new Map()));
  let found = byMode.get(equality);
  if (!found) {
    const checking = (processor: Processor): Processor => {
      if (equality) useEquality(processor);
      return processor.use(retextReframe, { ruleSet }) as unknown as Processor;
    };
    let markdown: Processor | undefined;
    found = {
      text: checking(unified().use(retextEnglish) as unknown as Processor),
      markdown: () => (markdown ??= checking(markdownProcessor())),
    };
    byMode.set(equality, found);
  }
  return found;
}

const FRONT_MATTER = /^(?:\uFEFF)?(---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n\1[ \t]*(?:\r?\n|$)/;
const BLOCK_BREAK = /\r?\n[ \t]*\r?\n|\r[ \t]*\r/g;

/** Plain-text blocks separated by blank lines, as [start, end) offsets. */
function blocks(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(BLOCK_BREAK)) {
    const end = m.index ?? 0;
    if (end > start) out.push([start, end]);
    start = end + m[0].length;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

/** HTML to offset-preserving text: tags, scripts, styles and comments become spaces. */
const HTML_SKIP = /<(script|style)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[^>]*>/gi;
const HTML_BLOCK_TAG =
  /^<\/?(p|div|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|blockquote|pre|br|hr|dd|dt|dl|main|nav|aside|figure|figcaption|title|body|head|html)\b/i;

function htmlToText(text: string): string {
  return text.replace(HTML_SKIP, (tag) => {
    const blank = tag.replace(/[^\r\n]/g, ' ');
    // Block tags end a paragraph, so sentences on either side do not run together.
    return HTML_BLOCK_TAG.test(tag) && blank.length >= 2 ? `\n\n${blank.slice(2)}` : blank;
  });
}

interface Runs {
  findings: RawFinding[];
  equality: VFile[];
}

/** Parse text[start, end) (plus optional trailing context) and collect findings starting in `keep`. */
type RunSlice = (
  processor: Processor,
  start: number,
  end: number,
  keep: (offset: number) => boolean,
  suffix?: string,
  blockQuotes?: SpanLookup,
) => void;

/**
 * `withoutParser`: the plain-text processor whose slices may skip the parser when their tokens are
 * certain (plain-tokens.ts). Only the fast path passes it; the reference path always parses.
 */
function slicer(
  text: string,
  source: string,
  config: ResolvedConfig,
  out: Runs,
  ruleSet: CompiledRuleSet,
  withoutParser?: Processor,
): RunSlice {
  return (processor, start, end, keep, suffix = '', blockQuotes) => {
    const findings: RawFinding[] = [];
    const data: ReframeRun = { source: text, base: start, respect: config.respect, extraAllow: config.allow, findings };
    if (blockQuotes) data.blockQuotes = blockQuotes;
    if (processor === withoutParser && suffix === '' && !config.equality) {
      const paragraphs = plainParagraphs(source, start, end);
      if (paragraphs) {
        findInParagraphs(paragraphs, data, ruleSet);
        for (const f of findings) if (keep(f.start)) out.findings.push(f);
        return;
      }
    }
    const file = new VFile({ value: source.slice(start, end) + suffix, data: { reframe: data } });
    const tree = processor.parse(file);
    processor.runSync(tree, file);
    for (const f of findings) if (keep(f.start)) out.findings.push(f);
    if (config.equality && file.messages.length) {
      file.messages = file.messages.filter((m) => keep(((m.place && 'start' in m.place ? m.place.start.offset : undefined) ?? 0) + start));
      if (file.messages.length) out.equality.push(Object.assign(file, { data: { ...file.data, base: start } }));
    }
  };
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
  for (const [s, e] of blocks(part)) {
    const span: Span = [s + from, e + from];
    while (i < anchors.length && (anchors[i]?.at ?? 0) < span[0]) i++;
    const inside: Candidate[] = [];
    for (let a = anchors[i]; a && a.at < span[1]; a = anchors[++i]) inside.push(a);
    out.push({ span, anchors: withRequirementsMet(inside, source, span[0], span[1]) });
  }
  return out;
}

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

function runFast(text: string, masked: string, format: DocumentFormat, ruleSet: CompiledRuleSet, config: ResolvedConfig): Runs {
  const processors = processorsFor(ruleSet, config.equality);
  const prefilter = prefilterFor(ruleSet, enabledRulesOf(config));
  const out: Runs = { findings: [], equality: [] };
  if (format === 'markdown') {
    const { groups, definitions } = markdownGroups(masked);
    const suffix = definitions.map(([s, e]) => `\n\n${masked.slice(s, e)}`).join('');
    const run = slicer(text, masked, config, out, ruleSet, processors.text);
    for (const [start, end] of groups) {
      if (!config.equality && !hasAnchor(prefilter, masked.slice(start, end))) continue;
      const keep = (offset: number) => offset >= start && offset < end;
      const asText = () => textFast(run, processors.text, prefilter, config, text, masked, start, end, keep);
      // Plain prose needs no Markdown parse (equality runs on the nlcst of whatever was parsed, so it may too).
      if (onlyFencedCode(masked, start, end)) continue;
      if (isPlainParagraph(masked, start, end)) asText();
      else {
        const split = plainHeadingAndParagraph(masked, start, end) ?? plainListItems(masked, start, end);
        if (split) for (const [s, e] of split) textFast(run, processors.text, prefilter, config, text, masked, s, e, keep);
        else markdownOrText(run, processors, masked, start, end, keep, suffix, asText);
      }
    }
    return out;
  }
  const source = format === 'html' ? htmlToText(masked) : masked;
  textFast(
    slicer(text, source, config, out, ruleSet, processors.text),
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

/**
 * Parse a Markdown slice; if the Markdown stack overflows its call stack (deeply nested quotes or lists,
 * or a huge single paragraph: mdast-util-to-nlcst recurses and spreads arrays), lint the same slice as
 * plain text, block by block, so one odd document never stops a run. A slice piled with brackets or
 * nested thousands deep goes to plain text without trying: the parser would spend seconds to minutes
 * on it first (see tooCostlyForMarkdown).
 */
function markdownOrText(
  run: RunSlice,
  processors: Processors,
  source: string,
  start: number,
  end: number,
  keep: (offset: number) => boolean,
  suffix = '',
  asText = (): void => {
    for (const [s, e] of blocks(source.slice(start, end))) run(processors.text, start + s, start + e, keep);
  },
): void {
  if (tooCostlyForMarkdown(source, start, end)) {
    asText();
    return;
  }
  try {
    run(processors.markdown(), start, end, keep, suffix);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    asText();
  }
}

/** The reference path: whole candidate blocks; Markdown parsed as one document. */
function runFull(text: string, masked: string, format: DocumentFormat, ruleSet: CompiledRuleSet, config: ResolvedConfig): Runs {
  const processors = processorsFor(ruleSet, config.equality);
  const out: Runs = { findings: [], equality: [] };
  if (format === 'markdown') {
    if (config.equality || hasCandidate(masked, ruleSet.index.triggers))
      markdownOrText(slicer(text, masked, config, out, ruleSet), processors, masked, 0, masked.length, always);
    return out;
  }
  const source = format === 'html' ? htmlToText(masked) : masked;
  const run = slicer(text, source, config, out, ruleSet);
  for (const [start, end] of blocks(source)) {
    if (!config.equality && !hasCandidate(source.slice(start, end), ruleSet.index.triggers)) continue;
    run(processors.text, start, end, always);
  }
  return out;
}

function suggestionText(s: Suggestion, plural: boolean): string {
  if (typeof s === 'string') return plural ? pluraliseSuggestion(s) : s;
  return plural ? s.plural : s.singular;
}

function messageFor(actual: string, suggestions: string[], custom: string | undefined): string {
  const shown = actual.replace(/\s+/g, ' ');
  if (custom) return custom.replace('{actual}', shown);
  const first = suggestions[0];
  if (!first) return `Reconsider “${shown}”`;
  if (first.startsWith('[')) return `“${shown}”: ${first.slice(1, -1)}`;
  return `Consider “${first}” instead of “${shown}”`;
}

const SENTENCE_START = /(?:^|[.!?]["”’')]?\s+|\n[ \t]*(?:[-*•][ \t]+)?)$/u;

export function lint(text: string, options: LintOptions): Diagnostic[] {
  const { ruleSet } = options;
  let config = options.config;
  if (!config) {
    config = defaultConfigCache.get(ruleSet);
    if (!config) defaultConfigCache.set(ruleSet, (config = resolveConfig({}, ruleSet)));
  }
  const format = options.format ?? 'text';
  const directives = scanDirectives(text);
  if (directives.ignoreFile) return [];
  const masks = [...directives.masks];
  if (format === 'markdown') {
    const fm = FRONT_MATTER.exec(text);
    if (fm) masks.push([0, fm[0].length]);
  }
  const masked = mask(text, masks);
  const run = options.strategy === 'full' ? runFull : runFast;
  const { findings, equality } = run(text, masked, format, ruleSet, config);

  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  for (const f of findings) {
    const rule = f.entry.rule;
    const severity = config.severities.get(rule.data.id);
    if (!severity) continue;
    if (isDisabled(directives, rule.data.id, f.start, f.end)) continue;
    const matched = text.slice(f.start, f.end);
    const sentenceStart = SENTENCE_START.test(text.slice(Math.max(0, f.start - 40), f.start));
    let suggestions = f.entry.suggestions.map((s) => {
      const filled = agreeArticlesWithin(fillPronouns(spellFor(config.locale, suggestionText(s, f.plural)), text, f.start));
      return adaptCase(filled, matched, f.entry.patternIsLower, sentenceStart);
    });
    // A repair that changes the article or the "to be" before the flagged words takes them in.
    let start = f.start;
    const article = repairArticle(text, start, suggestions);
    if (article) ({ start, suggestions } = article);
    const copula = repairCopula(text, start, f.end, suggestions);
    if (copula) ({ start, suggestions } = copula);
    else suggestions = dropMisplacedVerbs(text, start, f.end, suggestions, article !== undefined);
    const actual = text.slice(start, f.end);
    const diagnostic: Diagnostic = {
      ruleId: rule.data.id,
      category: rule.data.category,
      severity,
      message: messageFor(actual, suggestions, rule.data.message),
      actual,
      ...(start !== f.start ? { term: matched } : {}),
      range: { start: lines.position(start), end: lines.position(f.end) },
      suggestions,
      note: rule.data.note.trim(),
      sources: rule.sources,
    };
    const preferred = suggestions[0];
    if (f.entry.fix && preferred && !preferred.startsWith('[')) diagnostic.fix = { range: [start, f.end], text: preferred };
    diagnostics.push(diagnostic);
  }
  for (const file of equality) diagnostics.push(...equalityDiagnostics(file, text, lines, directives));
  return diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset || a.ruleId.localeCompare(b.ruleId));
}

function equalityDiagnostics(file: VFile, text: string, lines: LineIndex, directives: ReturnType<typeof scanDirectives>): Diagnostic[] {
  const base = typeof file.data.base === 'number' ? file.data.base : 0;
  const out: Diagnostic[] = [];
  for (const m of file.messages) {
    const place = m.place && 'start' in m.place ? m.place : undefined;
    const s = place?.start.offset;
    const e = place?.end.offset;
    if (s === undefined || e === undefined) continue;
    const ruleId = `equality/${m.ruleId ?? 'unknown'}`;
    if (isDisabled(directives, ruleId, s + base, e + base)) continue;
    const actual = text.slice(s + base, e + base);
    const expected = (m as unknown as { expected?: string[] }).expected ?? [];
    out.push({
      ruleId,
      category: 'equality',
      severity: 'info',
      message: messageFor(actual, expected, undefined),
      actual,
      range: { start: lines.position(s + base), end: lines.position(e + base) },
      suggestions: expected.map((x) => adaptCase(x, actual, true)),
      note: 'General inclusive-language check from retext-equality (opt-in pack "equality").',
      sources: m.url ? [{ key: 'retext-equality', title: 'retext-equality', url: m.url }] : [],
    });
  }
  return out;
}
