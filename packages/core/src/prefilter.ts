/**
 * The fast path's prefilter: one compiled regular expression over the raw text that finds every place
 * a rule could match. Each phrase variant is represented by its rarest word (its "anchor"): "substance
 * abuse" by "abuse", "a schizophrenic" by "schizophrenic", so that common words ("a", "the", "she",
 * "drug") do not send most of a document through the parser.
 */

import { frequencyOf } from './common-words.js';
import type { CompiledRuleSet } from './compile.js';
import type { Sequence, TokenTest } from './pattern.js';

type WordTest = Extract<TokenTest, { kind: 'words' }>;

/** Estimated frequency of a word test in clinical prose: lower is a better anchor. */
const costs = new WeakMap<WordTest, number>();
function cost(test: WordTest): number {
  let total = costs.get(test);
  if (total === undefined) {
    total = 0;
    for (const form of test.forms) total += frequencyOf(keyOf(form));
    costs.set(test, total);
  }
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

const paragraphScoped = (data: RuleFlags | undefined): boolean => data?.exceptions?.scope === 'paragraph';

/** The phrase variants of every rule, one per compiled sequence. */
function variantsOf(ruleSet: CompiledRuleSet, enabled: (ruleId: string) => boolean = () => true): Variant[] {
  const seen = new Map<Sequence, Variant>();
  for (const { seq, value } of ruleSet.index.entries()) {
    if (!enabled(value.rule.data.id)) continue;
    const data = value.rule.data as RuleFlags;
    const before = seen.get(seq);
    seen.set(seq, {
      seq,
      quoted: (before?.quoted ?? true) && data.quoted === true,
      paragraph: (before?.paragraph ?? false) || paragraphScoped(data),
    });
  }
  return [...seen.values()];
}

/** Word start as the retext tokens see it: the first run of letters or digits before any apostrophe. */
function keyOf(form: string): string {
  return (form.toLowerCase().split(/['’]/)[0] ?? '').trim();
}

/** What else must be near an anchor for one phrase variant to be possible there. */
interface VariantCheck {
  /**
   * Every other word test of the variant, as wordHash() of its words' keys: each test needs one of its
   * words nearby (hashes, for the allocation-free look-around).
   */
  otherHashes: Array<Set<number>>;
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

function anchorsOf(ruleSet: CompiledRuleSet, enabled: (ruleId: string) => boolean): Anchors {
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
  // Only the rules this configuration turns on: an off rule's words need no parsing.
  for (const { seq, quoted, paragraph } of variantsOf(ruleSet, enabled)) {
    const anchor = anchorOf(seq);
    if (!anchor) continue;
    const at = seq.tokens.indexOf(anchor);
    const otherHashes: Array<Set<number>> = [];
    for (const test of seq.tokens) {
      if (test.kind === 'words' && test !== anchor) otherHashes.push(new Set([...test.forms].map((form) => wordHash(keyOf(form)))));
    }
    const check: VariantCheck = { otherHashes, before: at, after: seq.tokens.length - at - 1, quoted, paragraph };
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
  readonly keys: ReadonlySet<string>;
  readonly checks: ReadonlyMap<string, VariantCheck[]>;
  /** Keys by a hash of their letters, for the allocation-free word scan (ASCII keys only). */
  readonly byHash: ReadonlyMap<number, string[]>;
  /** Only when some key has non-ASCII letters: a Unicode-aware pattern instead of the scan. */
  readonly pattern?: RegExp;
}

const cache = new WeakMap<CompiledRuleSet, Map<string, Prefilter>>();

/** ASCII letters and digits: the boundaries the anchor scan uses. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;

/** Hashes are kept to 30 bits: small integers need no boxing in maps and sets. */
const SMALL_INT = 0x3fffffff;

/** The hash the scan computes while it reads a word: lower-cased ASCII letters, FNV-style. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ (word.charCodeAt(i) | 32), 0x01000193);
  return h & SMALL_INT;
}

/**
 * The prefilter for the rules that are on (all when `enabled` is absent). Cached per rule set and set
 * of rules that are on; `enabledKey` names that set (the sorted rule ids, or anything equally unique).
 */
export function prefilterFor(ruleSet: CompiledRuleSet, enabled?: { key: string; has: (ruleId: string) => boolean }): Prefilter {
  let byKey = cache.get(ruleSet);
  if (!byKey) cache.set(ruleSet, (byKey = new Map()));
  const cacheKey = enabled?.key ?? '*';
  let found = byKey.get(cacheKey);
  if (found) return found;
  const { keys, checks } = anchorsOf(ruleSet, enabled ? (id) => enabled.has(id) : () => true);
  const byHash = new Map<number, string[]>();
  for (const key of keys) {
    const h = wordHash(key);
    const list = byHash.get(h);
    if (list) list.push(key);
    else byHash.set(h, [key]);
  }
  found = { keys, checks, byHash };
  if (![...keys].every((k) => /^[A-Za-z0-9]*$/.test(k))) {
    // Longest first, so alternation prefers whole words. ASCII-only boundaries are a superset of the
    // tokeniser's (a non-ASCII letter next to a key still counts as a boundary): extra candidates, no misses.
    const alternation = [...keys]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|');
    found = { ...found, pattern: new RegExp(`(?<![A-Za-z0-9])(?:${alternation})(?![A-Za-z0-9])`, 'giu') };
  }
  byKey.set(cacheKey, found);
  return found;
}

/**
 * Call `visit` for every anchor key in the text: a maximal run of ASCII letters and digits that is a
 * key, case-insensitively (what the pattern above matches). Hashes each run as it reads it, so words
 * that are not keys cost no allocation.
 */
function forEachAnchor(prefilter: Prefilter, text: string, visit: (at: number, key: string) => void): void {
  if (prefilter.pattern) {
    const re = prefilter.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) visit(m.index, m[0].toLowerCase());
    return;
  }
  const { byHash } = prefilter;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c >= 128 || ASCII_WORD[c] === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5;
    do {
      h = Math.imul(h ^ (c | 32), 0x01000193);
      c = ++i < n ? text.charCodeAt(i) : 0;
    } while (i < n && c < 128 && ASCII_WORD[c] === 1);
    const found = byHash.get(h & SMALL_INT);
    if (!found) continue;
    const word = text.slice(start, i).toLowerCase();
    if (found.includes(word)) visit(start, word);
  }
}

/** Generous characters per token when looking around an anchor; too few tokens found means "keep". */
const CHARS_PER_TOKEN = 48;
/** Slack for tokenisation differences between this scan and the parser. */
const SLACK = 2;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
function isWordChar(code: number, char: string): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_DIGIT.test(char);
}
const isApostrophe = (code: number): boolean => code === 39 || code === 0x2019;

/**
 * wordHash() of the keys (first run of word characters, lower-cased: what keyOf() gives) of up to
 * `count` tokens before `at`, as the token pattern [\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)* sees them.
 * Null when the look-back ran out of room first or met a non-ASCII letter (the caller then keeps the
 * candidate: a superset, never a miss). Writes into `out` to allocate nothing.
 */
function hashesBefore(text: string, at: number, count: number, out: number[]): number[] | null {
  const limit = Math.max(0, at - CHARS_PER_TOKEN * count);
  out.length = 0;
  let i = at - 1;
  while (out.length < count) {
    while (i >= limit && !isWordChar(text.charCodeAt(i), text[i] as string)) i--;
    if (i < limit) return limit > 0 ? null : out;
    // One token, read backwards: runs of word characters joined by single apostrophes.
    let runStart = i;
    for (;;) {
      while (runStart - 1 >= limit && isWordChar(text.charCodeAt(runStart - 1), text[runStart - 1] as string)) runStart--;
      const before = runStart - 1;
      if (
        before - 1 >= limit &&
        isApostrophe(text.charCodeAt(before)) &&
        isWordChar(text.charCodeAt(before - 1), text[before - 1] as string)
      ) {
        runStart = before - 1;
        continue;
      }
      break;
    }
    if (runStart === limit && limit > 0) return null;
    const h = hashAt(text, runStart);
    if (h < 0) return null;
    out.push(h);
    i = runStart - 1;
  }
  return out;
}

function hashesAfter(text: string, at: number, count: number, out: number[]): number[] | null {
  const limit = Math.min(text.length, at + CHARS_PER_TOKEN * count);
  out.length = 0;
  let i = at;
  while (out.length < count) {
    while (i < limit && !isWordChar(text.charCodeAt(i), text[i] as string)) i++;
    if (i >= limit) return limit < text.length ? null : out;
    const h = hashAt(text, i);
    if (h < 0) return null;
    out.push(h);
    // Skip the rest of the token, apostrophe-joined parts included.
    for (;;) {
      while (i < limit && isWordChar(text.charCodeAt(i), text[i] as string)) i++;
      if (i + 1 < limit && isApostrophe(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i + 1), text[i + 1] as string)) {
        i++;
        continue;
      }
      break;
    }
    if (i >= limit && limit < text.length) return null;
  }
  return out;
}

/** wordHash() of the key of the token starting at `from`, or -1 when it has a non-ASCII letter. */
function hashAt(text: string, from: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return isWordChar(c, text[i] as string) ? -1 : h & SMALL_INT;
    if (ASCII_WORD[c] === 0) break;
    h = Math.imul(h ^ (c | 32), 0x01000193);
  }
  return h & SMALL_INT;
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

const scratchBefore: number[] = [];
const scratchAfter: number[] = [];

function plausibleInWindow(checks: VariantCheck[], text: string, at: number, length: number): boolean {
  let before: number[] | null | undefined;
  let after: number[] | null | undefined;
  for (const check of checks) {
    if (check.quoted && !quoteBefore(text, at, check.before)) continue;
    if (check.otherHashes.length === 0) return true;
    before ??= hashesBefore(text, at, maxOf(checks, 'before') + SLACK, scratchBefore);
    after ??= hashesAfter(text, at + length, maxOf(checks, 'after') + SLACK, scratchAfter);
    if (before === null || after === null) return true;
    if (check.otherHashes.every((words) => nearAny(words, before as number[], after as number[]))) return true;
  }
  return false;
}

function nearAny(words: Set<number>, before: number[], after: number[]): boolean {
  for (const h of before) if (words.has(h)) return true;
  for (const h of after) if (words.has(h)) return true;
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
  forEachAnchor(prefilter, text, (at, key) => {
    const verdict = plausible(prefilter, text, key, at, key.length);
    if (verdict !== 'no') out.push({ at, paragraph: verdict === 'paragraph' });
  });
  return out;
}

export function hasAnchor(prefilter: Prefilter, text: string): boolean {
  return candidatesIn(prefilter, text).length > 0;
}
