/**
 * The fast path's prefilter: one compiled regular expression over the raw text that finds every place
 * a rule could match. Each phrase variant is represented by its rarest word (its "anchor"): "substance
 * abuse" by "abuse", "a schizophrenic" by "schizophrenic", so that common words ("a", "the", "she",
 * "drug") do not send most of a document through the parser.
 */

import { frequencyOf } from './common-words.js';
import type { CompiledRuleSet } from './compile.js';
import { compilePattern, type Sequence, type TokenTest } from './pattern.js';

type WordTest = Extract<TokenTest, { kind: 'words' }>;

/** Estimated frequency of a word test in clinical prose: lower is a better anchor. */
function cost(test: WordTest): number {
  let total = 0;
  for (const form of test.forms) total += frequencyOf(keyOf(form));
  return total;
}

export function anchorOf(seq: Sequence): WordTest | undefined {
  let best: WordTest | undefined;
  for (const test of seq.tokens) {
    if (test.kind !== 'words') continue;
    if (!best || cost(test) < cost(best)) best = test;
  }
  return best;
}

interface Variant {
  seq: Sequence;
  quoted: boolean;
  paragraph: boolean;
}

/** Rule data as far as the prefilter cares; `exceptions.scope` may be absent in older packs. */
interface RuleFlags {
  quoted?: boolean;
  exceptions?: { scope?: string };
}

type IndexList = Array<{ seq: Sequence; value?: { rule?: { data?: RuleFlags } } }>;
interface IndexShape {
  folded?: Map<string, IndexList>;
  exact?: Map<string, IndexList>;
}

const paragraphScoped = (data: RuleFlags | undefined): boolean => data?.exceptions?.scope === 'paragraph';

/**
 * The phrase variants of every rule. Read from the compiled index (its maps are private to the type
 * checker only, and reading them saves compiling every pattern twice); if that shape ever changes,
 * compile them again from the data exactly as compile.ts does.
 */
function variantsOf(ruleSet: CompiledRuleSet): Variant[] {
  const shape = ruleSet.index as unknown as IndexShape;
  if (shape.folded instanceof Map && shape.exact instanceof Map) {
    const seen = new Map<Sequence, Variant>();
    for (const map of [shape.folded, shape.exact]) {
      for (const list of map.values()) {
        for (const { seq, value } of list) {
          const data = value?.rule?.data;
          const before = seen.get(seq);
          seen.set(seq, {
            seq,
            quoted: (before?.quoted ?? true) && data?.quoted === true,
            paragraph: (before?.paragraph ?? false) || paragraphScoped(data),
          });
        }
      }
    }
    return [...seen.values()];
  }
  const out: Variant[] = [];
  for (const pack of ruleSet.data.packs) {
    for (const rule of pack.rules) {
      for (const raw of rule.match) {
        const entry = typeof raw === 'string' ? { phrase: raw } : raw;
        for (const seq of compilePattern(entry.phrase, { caseSensitive: entry.caseSensitive, plural: entry.plural })) {
          out.push({ seq, quoted: rule.quoted === true, paragraph: paragraphScoped(rule as RuleFlags) });
        }
      }
    }
  }
  return out;
}

/** Word start as the retext tokens see it: the first run of letters or digits before any apostrophe. */
function keyOf(form: string): string {
  return (form.toLowerCase().split(/['’]/)[0] ?? '').trim();
}

/** What else must be near an anchor for one phrase variant to be possible there. */
interface VariantCheck {
  /** Words (keys) of every other word test; each test needs one of its words nearby. */
  others: Array<Set<string>>;
  before: number;
  after: number;
  /** Scare-quote rule: the phrase must open right after a quotation mark. */
  quoted: boolean;
  /** The rule's exceptions look at the whole paragraph, so a window would not do. */
  paragraph: boolean;
}

interface Anchors {
  keys: Set<string>;
  /** By anchor key; absent when any variant with that key needs no check. */
  checks: Map<string, VariantCheck[]>;
}

function anchorsOf(ruleSet: CompiledRuleSet): Anchors {
  const variants = variantsOf(ruleSet);
  const sequences = variants.map((v) => v.seq);
  // Self-check: the first words of what we compiled must be exactly the index's triggers. If the
  // compiler has moved on without this module, fall back to the triggers (slower, never wrong).
  const firstWords = new Set<string>();
  for (const seq of sequences) {
    const first = seq.tokens[0];
    if (first?.kind === 'words') for (const f of first.forms) firstWords.add(f.toLowerCase());
  }
  const triggers = ruleSet.index.triggers;
  const agrees = firstWords.size === triggers.size && [...firstWords].every((w) => triggers.has(w));
  const keys = new Set<string>();
  const checks = new Map<string, VariantCheck[]>();
  if (!agrees) {
    for (const t of triggers) keys.add(keyOf(t));
    keys.delete('');
    return { keys, checks };
  }
  for (const { seq, quoted, paragraph } of variants) {
    const anchor = anchorOf(seq);
    if (!anchor) continue;
    const at = seq.tokens.indexOf(anchor);
    const others: Array<Set<string>> = [];
    for (const test of seq.tokens) {
      if (test.kind === 'words' && test !== anchor) others.push(new Set([...test.forms].map(keyOf)));
    }
    const check: VariantCheck = { others, before: at, after: seq.tokens.length - at - 1, quoted, paragraph };
    for (const f of anchor.forms) {
      const key = keyOf(f);
      if (!key) continue;
      keys.add(key);
      let list = checks.get(key);
      if (!list) checks.set(key, (list = []));
      list.push(check);
    }
  }
  return { keys, checks };
}

const escapeRegExp = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Prefilter {
  /** Matches every anchor word; use with lastIndex. Global, case-insensitive. */
  readonly pattern: RegExp;
  readonly keys: ReadonlySet<string>;
  readonly checks: ReadonlyMap<string, VariantCheck[]>;
}

const cache = new WeakMap<CompiledRuleSet, Prefilter>();

export function prefilterFor(ruleSet: CompiledRuleSet): Prefilter {
  let found = cache.get(ruleSet);
  if (found) return found;
  const { keys, checks } = anchorsOf(ruleSet);
  const ascii = [...keys].every((k) => /^[\x20-\x7e]*$/.test(k));
  // Longest first, so alternation prefers whole words. ASCII-only boundaries are a superset of the
  // tokeniser's (a non-ASCII letter next to a key still counts as a boundary): extra candidates, no misses.
  const alternation = [...keys]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const source = keys.size === 0 ? '(?!)' : `(?<![A-Za-z0-9])(?:${alternation})(?![A-Za-z0-9])`;
  found = { pattern: new RegExp(source, ascii ? 'gi' : 'giu'), keys, checks };
  cache.set(ruleSet, found);
  return found;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
/** Generous characters per token when looking around an anchor; too few tokens found means "keep". */
const CHARS_PER_TOKEN = 48;
/** Slack for tokenisation differences between this scan and the parser. */
const SLACK = 2;

/** Word keys of up to `count` tokens before `at` (or null when the look-back may have been too short). */
function keysBefore(text: string, at: number, count: number): Set<string> | null {
  const from = Math.max(0, at - CHARS_PER_TOKEN * count);
  const tokens = text.slice(from, at).match(TOKEN) ?? [];
  if (tokens.length < count && from > 0) return null;
  return new Set(tokens.slice(-count).map(keyOf));
}

function keysAfter(text: string, at: number, count: number): Set<string> | null {
  const to = Math.min(text.length, at + CHARS_PER_TOKEN * count);
  const tokens = text.slice(at, to).match(TOKEN) ?? [];
  if (tokens.length < count && to < text.length) return null;
  return new Set(tokens.slice(0, count).map(keyOf));
}

/**
 * Could some variant anchored on `key` match around text[at, at + length)? Errs towards yes. Returns
 * 'no', 'window' or 'paragraph' (a possible rule reads the whole paragraph).
 */
type Verdict = 'no' | 'window' | 'paragraph';
function plausible(prefilter: Prefilter, text: string, key: string, at: number, length: number): Verdict {
  const checks = prefilter.checks.get(key);
  if (!checks) return 'paragraph';
  if (checks.some((c) => c.paragraph)) return 'paragraph';
  return plausibleInWindow(checks, text, at, length) ? 'window' : 'no';
}

function plausibleInWindow(checks: VariantCheck[], text: string, at: number, length: number): boolean {
  let before: Set<string> | null | undefined;
  let after: Set<string> | null | undefined;
  for (const check of checks) {
    if (check.quoted && !quoteBefore(text, at, check.before)) continue;
    if (check.others.length === 0) return true;
    before ??= keysBefore(text, at, maxOf(checks, 'before') + SLACK);
    after ??= keysAfter(text, at + length, maxOf(checks, 'after') + SLACK);
    if (before === null || after === null) return true;
    const near = (words: Set<string>): boolean => [...words].some((w) => before?.has(w) || after?.has(w));
    if (check.others.every(near)) return true;
  }
  return false;
}

const OPENING_QUOTE = /["“'‘]/;

function quoteBefore(text: string, at: number, tokensBefore: number): boolean {
  if (tokensBefore === 0) return OPENING_QUOTE.test(text[at - 1] ?? '');
  return OPENING_QUOTE.test(text.slice(Math.max(0, at - CHARS_PER_TOKEN * tokensBefore - 1), at));
}

const maxCache = new WeakMap<VariantCheck[], { before: number; after: number }>();
function maxOf(checks: VariantCheck[], side: 'before' | 'after'): number {
  let m = maxCache.get(checks);
  if (!m) {
    m = { before: Math.max(...checks.map((c) => c.before)), after: Math.max(...checks.map((c) => c.after)) };
    maxCache.set(checks, m);
  }
  return m[side];
}

export interface Candidate {
  at: number;
  /** A rule that may match here reads its whole paragraph: parse the block whole. */
  paragraph: boolean;
}

/** Anchor words in text where a phrase variant could match. */
export function candidatesIn(prefilter: Prefilter, text: string): Candidate[] {
  const out: Candidate[] = [];
  const re = prefilter.pattern;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const verdict = plausible(prefilter, text, m[0].toLowerCase(), m.index, m[0].length);
    if (verdict !== 'no') out.push({ at: m.index, paragraph: verdict === 'paragraph' });
  }
  return out;
}

export function hasAnchor(prefilter: Prefilter, text: string): boolean {
  return candidatesIn(prefilter, text).length > 0;
}
