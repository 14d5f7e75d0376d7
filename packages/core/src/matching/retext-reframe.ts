/**
 * The retext plugin that does Reframe's matching on the nlcst tree. The caller puts the run's
 * settings in `file.data.reframe`; the plugin appends the rules' matches there (`matches`). With retext-equality in the same
 * processor, it also drops equality messages inside quotes and clinical allow-list phrases.
 */
import type { Root } from 'nlcst';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { CompiledRuleSet } from '../rules/compile.js';
import { quoteSpans, type SpanLookup } from '../text/spans.js';
import { allowSpansOf, findInParagraph, type RespectOptions, type RuleMatch } from './find.js';
import type { SequenceIndex } from './matcher.js';
import { type ParagraphTokens, paragraphsOf } from './tokens.js';

export interface ReframeRun {
  source: string;
  /** Offset of the parsed slice within `source`. */
  base: number;
  respect: RespectOptions;
  extraAllow: SequenceIndex<true> | null;
  matches: RuleMatch[];
  /** The quotations of the whole block, when the parsed text is a window of it. */
  blockQuotes?: SpanLookup;
}

declare module 'vfile' {
  interface DataMap {
    reframe: ReframeRun;
  }
}

export interface RetextReframeOptions {
  ruleSet: CompiledRuleSet;
}

export const retextReframe: Plugin<[RetextReframeOptions], Root> = (options) => {
  const { ruleSet } = options;
  return (tree: Root, file: VFile) => {
    const run = file.data.reframe;
    if (!run) return;
    const paragraphs = paragraphsOf(tree, run.source, run.base);
    findInParagraphs(paragraphs, run, ruleSet);
    if (file.messages.length > 0) filterEqualityMessages(file, run, paragraphs, ruleSet);
  };
};

/** Append the matches in each paragraph that holds a trigger word to `run.matches`. */
export function findInParagraphs(paragraphs: ParagraphTokens[], run: ReframeRun, ruleSet: CompiledRuleSet): void {
  const triggers = ruleSet.index.triggers;
  for (const paragraph of paragraphs) {
    if (!paragraph.tokens.some((t) => triggers.has(t.lower))) continue;
    // A loop, not push(...spread): a paragraph can hold more findings than the call stack allows.
    for (const f of findInParagraph(paragraph, run.source, ruleSet, run.respect, run.extraAllow, run.blockQuotes)) run.matches.push(f);
  }
}

function filterEqualityMessages(file: VFile, run: ReframeRun, paragraphs: ReturnType<typeof paragraphsOf>, ruleSet: CompiledRuleSet): void {
  const blocked: Array<[number, number]> = [];
  for (const p of paragraphs) {
    blocked.push(...allowSpansOf(p.tokens, ruleSet.allow, run.extraAllow));
    if (run.respect.quotes) blocked.push(...quoteSpans(run.source.slice(p.start, p.end), p.start));
  }
  file.messages = file.messages.filter((m) => {
    if (m.ruleId && ruleSet.equalityIgnoreRules.has(m.ruleId)) return false;
    const s = (m.place && 'start' in m.place ? m.place.start.offset : undefined) ?? -1;
    const e = (m.place && 'end' in m.place ? m.place.end.offset : undefined) ?? -1;
    const start = s + run.base;
    const end = e + run.base;
    return !blocked.some(([bs, be]) => bs < end && start < be);
  });
}
