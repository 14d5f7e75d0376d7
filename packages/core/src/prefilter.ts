/**
 * The fast path's prefilter: one hashing pass over the raw text that finds every place a rule could
 * match. Each phrase variant is represented by its rarest word (its "anchor"): "substance
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

/** Position of the sequence's anchor: its rarest word test (the first of equals), or -1 when it has none. */
export function anchorPositionOf(seq: Sequence): number {
  if (seq.anchor === undefined) {
    let best = -1;
    seq.tokens.forEach((test, i) => {
      if (test.kind !== 'words') return;
      const current = seq.tokens[best];
      if (current?.kind !== 'words' || cost(test) < cost(current)) best = i;
    });
    seq.anchor = best;
  }
  return seq.anchor;
}

function anchorOf(seq: Sequence): WordTest | undefined {
  const test = seq.tokens[anchorPositionOf(seq)];
  return test?.kind === 'words' ? test : undefined;
}

interface Variant {
  seq: Sequence;
  quoted: boolean;
  paragraph: boolean;
  requires: Set<number> | null;
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
    const requires = requiredWords(value.rule.requires);
    seen.set(seq, {
      seq,
      quoted: (before?.quoted ?? true) && data.quoted === true,
      paragraph: (before?.paragraph ?? false) || paragraphScoped(data),
      // A sequence shared by several rules needs a requirement only if every one of them has one.
      requires: before ? unionOrNull(before.requires, requires) : requires,
    });
  }
  return [...seen.values()];
}

/**
 * The anchor words of a rule's `requires` phrases (any one of the phrases must occur for the rule to
 * fire, so one of their anchors must be in the text), or null when there is no requirement or some
 * anchor is not plain ASCII (the hash scan reads ASCII runs only, so it could miss it).
 */
const requiredCache = new WeakMap<Sequence[], Set<number> | null>();
function requiredWords(requires: Sequence[]): Set<number> | null {
  let found = requiredCache.get(requires);
  if (found === undefined) requiredCache.set(requires, (found = requiredWordsOf(requires)));
  return found;
}

function requiredWordsOf(requires: Sequence[]): Set<number> | null {
  if (requires.length === 0) return null;
  const out = new Set<number>();
  for (const seq of requires) {
    const anchor = anchorOf(seq);
    if (!anchor) return null;
    for (const key of keysOf(anchor)) {
      if (!/^[a-z0-9]+$/.test(key)) return null;
      out.add(wordHash(key));
    }
  }
  return out;
}

function unionOrNull(a: Set<number> | null, b: Set<number> | null): Set<number> | null {
  return a && b ? new Set([...a, ...b]) : null;
}

/** Word start as the retext tokens see it: the first run of letters or digits before any apostrophe. */
function keyOf(form: string): string {
  // A loop, not split(/['’]/): this runs for every form of every rule while the prefilter is built.
  let end = form.length;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if (c === 39 || c === 0x2019) {
      end = i;
      break;
    }
  }
  return form.slice(0, end).toLowerCase().trim();
}

/** The distinct keys of a word test's forms; anchor tests are shared by many variants, so cached. */
const keysCache = new WeakMap<WordTest, string[]>();
function keysOf(test: WordTest): string[] {
  let found = keysCache.get(test);
  if (!found) {
    const keys = new Set<string>();
    for (const form of test.forms) keys.add(keyOf(form));
    keysCache.set(test, (found = [...keys]));
  }
  return found;
}

/** What else must be near an anchor for one phrase variant to be possible there. */
export interface VariantCheck {
  /** The variant's sequence (the rest but `requires` follows from it; see checkOf). */
  seq: Sequence;
  /**
   * The variant's other word tests before and after its anchor: each needs one of its words among the
   * tokens on its side.
   */
  othersBefore: WordTest[];
  othersAfter: WordTest[];
  /** The same as wordHash() of their words' keys (for the allocation-free look-around), once needed. */
  hashesBefore?: Array<Set<number>>;
  hashesAfter?: Array<Set<number>>;
  before: number;
  after: number;
  /** Scare-quote rule: the phrase must open right after a quotation mark. */
  quoted: boolean;
  /** The rule's exceptions look at the whole paragraph, so a window would not do. */
  paragraph: boolean;
  /**
   * The rule has `exceptions.requires`: it can only fire where one of these words (each requirement's
   * anchor, as wordHash()) occurs in the same block. Null when the rule has no requirement or one that
   * this scan cannot see (non-ASCII anchor).
   */
  requires: Set<number> | null;
}

export interface Anchors {
  keys: Set<string>;
  /** By anchor key; absent when any variant with that key needs no check. */
  checks: Map<string, VariantCheck[]>;
}

/** wordHash() of the keys of a word test's forms; tests are shared by many variants, so cached. */
const keyHashCache = new WeakMap<WordTest, Set<number>>();
function keyHashes(test: WordTest): Set<number> {
  let found = keyHashCache.get(test);
  if (!found) {
    found = new Set();
    for (const form of test.forms) found.add(wordHash(keyOf(form)));
    keyHashCache.set(test, found);
  }
  return found;
}

/**
 * Self-check: the first words of what we compiled must be exactly the index's triggers. If the
 * compiler has moved on without this module, fall back to the triggers (slower, never wrong).
 */
const agreement = new WeakMap<CompiledRuleSet, boolean>();
function indexAgrees(ruleSet: CompiledRuleSet): boolean {
  let agrees = agreement.get(ruleSet);
  if (agrees === undefined) {
    const firstWords = new Set<string>();
    for (const { seq } of ruleSet.index.entries()) {
      const first = seq.tokens[0];
      if (first?.kind === 'words') for (const f of first.forms) firstWords.add(f.toLowerCase());
    }
    const triggers = ruleSet.index.triggers;
    agrees = firstWords.size === triggers.size && [...firstWords].every((w) => triggers.has(w));
    agreement.set(ruleSet, agrees);
  }
  return agrees;
}

/** The check of a variant whose sequence has an anchor. */
export function checkOf(seq: Sequence, quoted: boolean, paragraph: boolean, requires: Set<number> | null): VariantCheck {
  const at = anchorPositionOf(seq);
  const othersBefore: WordTest[] = [];
  const othersAfter: WordTest[] = [];
  for (let i = 0; i < seq.tokens.length; i++) {
    const test = seq.tokens[i] as TokenTest;
    if (test.kind === 'words' && i !== at) (i < at ? othersBefore : othersAfter).push(test);
  }
  return { seq, othersBefore, othersAfter, before: at, after: seq.tokens.length - at - 1, quoted, paragraph, requires };
}

/** The anchor keys of the rules that are on, with the checks of the variants anchored at each. */
export function anchorsOf(ruleSet: CompiledRuleSet, enabled: (ruleId: string) => boolean): Anchors {
  const keys = new Set<string>();
  const checks = new Map<string, VariantCheck[]>();
  if (!indexAgrees(ruleSet)) {
    for (const t of ruleSet.index.triggers) keys.add(keyOf(t));
    keys.delete('');
    return { keys, checks };
  }
  // Only the rules this configuration turns on: an off rule's words need no parsing.
  for (const { seq, quoted, paragraph, requires } of variantsOf(ruleSet, enabled)) {
    const anchor = anchorOf(seq);
    if (!anchor) continue;
    const check = checkOf(seq, quoted, paragraph, requires);
    for (const key of keysOf(anchor)) {
      if (!key) continue;
      keys.add(key);
      const list = checks.get(key);
      if (list) list.push(check);
      else checks.set(key, [check]);
    }
  }
  return { keys, checks };
}

const escapeRegExp = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One anchor key with what decides whether a hit on it is a candidate (precomputed per key). */
interface AnchorKey {
  key: string;
  /** Absent when some variant anchored here needs no check: every hit is a candidate. */
  checks: VariantCheck[] | undefined;
  /** Look-around needed by the widest variant, in tokens. */
  before: number;
  after: number;
}

export interface Prefilter {
  readonly keys: ReadonlySet<string>;
  /** Keys by a hash of their letters, for the allocation-free word scan (ASCII keys only). */
  readonly byHash: ReadonlyMap<number, AnchorKey[]>;
  readonly byKey: ReadonlyMap<string, AnchorKey>;
  /** Only when some key has non-ASCII letters: a Unicode-aware pattern instead of the scan. */
  readonly pattern?: RegExp;
}

const cache = new WeakMap<CompiledRuleSet, Map<string, Prefilter | (() => Anchors | undefined)>>();

/**
 * Anchors worked out before (the rule-set snapshot stores those of the presets' default rules): the
 * prefilter for `enabledKey` is assembled from them on first use instead of from every variant. When
 * `anchors` gives undefined (unusable), they are worked out as usual.
 */
export function rememberAnchors(ruleSet: CompiledRuleSet, enabledKey: string, anchors: () => Anchors | undefined): void {
  const byEnabled = cacheOf(ruleSet);
  if (!byEnabled.has(enabledKey)) byEnabled.set(enabledKey, anchors);
}

function cacheOf(ruleSet: CompiledRuleSet): Map<string, Prefilter | (() => Anchors | undefined)> {
  let byEnabled = cache.get(ruleSet);
  if (!byEnabled) cache.set(ruleSet, (byEnabled = new Map()));
  return byEnabled;
}

/** ASCII letters and digits: the boundaries the anchor scan uses. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;

/** Hashes are kept to 30 bits: small integers need no boxing in maps and sets. */
const SMALL_INT = 0x3fffffff;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The hash the scan computes while it reads a word: lower-cased ASCII letters, FNV-style. */
function wordHash(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ (word.charCodeAt(i) | 32), FNV_PRIME);
  return h & SMALL_INT;
}

function anchorKey(key: string, checks: VariantCheck[] | undefined): AnchorKey {
  let before = 0;
  let after = 0;
  for (const c of checks ?? []) {
    before = Math.max(before, c.before);
    after = Math.max(after, c.after);
  }
  return { key, checks, before, after };
}

/**
 * The prefilter for the rules that are on (all when `enabled` is absent). Cached per rule set and set
 * of rules that are on; `enabledKey` names that set (the sorted rule ids, or anything equally unique).
 */
export function prefilterFor(ruleSet: CompiledRuleSet, enabled?: { key: string; has: (ruleId: string) => boolean }): Prefilter {
  const byEnabled = cacheOf(ruleSet);
  const cacheKey = enabled?.key ?? '*';
  const known = byEnabled.get(cacheKey);
  if (typeof known === 'object') return known;
  const { keys, checks } = (known ? known() : undefined) ?? anchorsOf(ruleSet, enabled ? (id) => enabled.has(id) : () => true);
  const byHash = new Map<number, AnchorKey[]>();
  const byKey = new Map<string, AnchorKey>();
  for (const key of keys) {
    const entry = anchorKey(key, checks.get(key));
    byKey.set(key, entry);
    const h = wordHash(key);
    const list = byHash.get(h);
    if (list) list.push(entry);
    else byHash.set(h, [entry]);
  }
  let found: Prefilter = { keys, byHash, byKey };
  if (![...keys].every((k) => /^[A-Za-z0-9]*$/.test(k))) {
    // Longest first, so alternation prefers whole words. ASCII-only boundaries are a superset of the
    // tokeniser's (a non-ASCII letter next to a key still counts as a boundary): extra candidates, no misses.
    const alternation = [...keys]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|');
    found = { ...found, pattern: new RegExp(`(?<![A-Za-z0-9])(?:${alternation})(?![A-Za-z0-9])`, 'giu') };
  }
  byEnabled.set(cacheKey, found);
  return found;
}

/** text[start, end) equals `key` (lower-case ASCII), ignoring the case of ASCII letters. */
function sameWord(text: string, start: number, end: number, key: string): boolean {
  if (end - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) if ((text.charCodeAt(start + i) | 32) !== (key.charCodeAt(i) | 32)) return false;
  return true;
}

/**
 * Call `visit` for every anchor key in the text: a maximal run of ASCII letters and digits that is a
 * key, case-insensitively (what the pattern above matches). The hashing scan runs first and only
 * records the runs whose hash is a key's; the hits are checked and visited after it, which keeps the
 * loop over every character small enough to be compiled well from the first call.
 */
function forEachAnchor(prefilter: Prefilter, text: string, visit: (at: number, anchor: AnchorKey) => void): void {
  if (prefilter.pattern) {
    const re = prefilter.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const anchor = prefilter.byKey.get(m[0].toLowerCase());
      if (anchor) visit(m.index, anchor);
    }
    return;
  }
  const hits: number[] = [];
  scanHashHits(text, prefilter.byHash, hits);
  for (let k = 0; k < hits.length; k += 3) {
    const start = hits[k] as number;
    const end = hits[k + 1] as number;
    const found = prefilter.byHash.get(hits[k + 2] as number) as AnchorKey[];
    // Digits never collide with letters under `| 32` (0x30–0x39 are unchanged): the compare is exact.
    for (const anchor of found) if (sameWord(text, start, end, anchor.key)) visit(start, anchor);
  }
}

/**
 * Chunks of the text for the scan. One call over megabytes would run unoptimised until V8 replaces
 * it mid-loop (about 180 ms of a 10 MB file's 190 here); calls on 64 KB pieces get the optimised
 * code after the first few. Pieces end between words.
 */
const SCAN_CHUNK = 64 * 1024;

/** Push start, end and hash of every ASCII word run whose hash is in `keys`. */
function scanHashHits(text: string, keys: ReadonlyMap<number, unknown>, hits: number[]): void {
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + SCAN_CHUNK);
    while (to < text.length && isAsciiWordCode(text.charCodeAt(to))) to++;
    scanRange(text, from, to, keys, hits);
    from = to;
  }
}

const isAsciiWordCode = (c: number): boolean => c < 128 && ASCII_WORD[c] === 1;

function scanRange(text: string, from: number, n: number, keys: ReadonlyMap<number, unknown>, hits: number[]): void {
  let i = from;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c >= 128 || ASCII_WORD[c] === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    do {
      h = Math.imul(h ^ (c | 32), FNV_PRIME);
      c = ++i < n ? text.charCodeAt(i) : 0;
    } while (i < n && c < 128 && ASCII_WORD[c] === 1);
    h &= SMALL_INT;
    if (keys.has(h)) hits.push(start, i, h);
  }
}

/** Generous characters per token when looking around an anchor; too few tokens found means "keep". */
const CHARS_PER_TOKEN = 48;
/** Slack for tokenisation differences between this scan and the parser. */
const SLACK = 2;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
function isWordCharAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII_WORD[code] === 1;
  return LETTER_OR_DIGIT.test(text[i] as string);
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
    while (i >= limit && !isWordCharAt(text, i)) i--;
    if (i < limit) return limit > 0 ? null : out;
    // One token, read backwards: runs of word characters joined by single apostrophes.
    let runStart = i;
    for (;;) {
      while (runStart - 1 >= limit && isWordCharAt(text, runStart - 1)) runStart--;
      const before = runStart - 1;
      if (before - 1 >= limit && isApostrophe(text.charCodeAt(before)) && isWordCharAt(text, before - 1)) {
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
    while (i < limit && !isWordCharAt(text, i)) i++;
    if (i >= limit) return limit < text.length ? null : out;
    const h = hashAt(text, i);
    if (h < 0) return null;
    out.push(h);
    // Skip the rest of the token, apostrophe-joined parts included.
    for (;;) {
      while (i < limit && isWordCharAt(text, i)) i++;
      if (i + 1 < limit && isApostrophe(text.charCodeAt(i)) && isWordCharAt(text, i + 1)) {
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
  let h = FNV_OFFSET;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return isWordCharAt(text, i) ? -1 : h & SMALL_INT;
    if (ASCII_WORD[c] === 0) break;
    h = Math.imul(h ^ (c | 32), FNV_PRIME);
  }
  return h & SMALL_INT;
}

const scratchBefore: number[] = [];
const scratchAfter: number[] = [];

export interface Candidate {
  at: number;
  /** A rule that may match here reads its whole paragraph: parse the block whole. */
  paragraph: boolean;
  /**
   * Every rule that may match here has `exceptions.requires`: the candidate counts only if a word of
   * one of these sets (wordHash) occurs in its block (see withRequirementsMet).
   */
  requires?: Array<Set<number>>;
}

/**
 * The candidate at an anchor hit, or null when no variant anchored there can match: each variant's
 * other words must be among the neighbouring tokens, and a scare-quote variant needs a quotation
 * mark right before it. Errs towards keeping.
 */
function candidateAt(anchor: AnchorKey, text: string, at: number): Candidate | null {
  const { checks } = anchor;
  if (!checks) return { at, paragraph: true };
  let before: number[] | null | undefined;
  let after: number[] | null | undefined;
  let paragraph = false;
  // The requirement word sets of the variants that may match here (null once one has none).
  let requires: Array<Set<number>> | null | undefined;
  let plausible = false;
  for (const check of checks) {
    if (check.quoted && !quoteBefore(text, at, check.before)) continue;
    // Each side is read only when a variant has words there; null (could not tell) keeps the candidate.
    // Hashed on first use: most variants never meet their anchor in a given document.
    if (check.othersBefore.length > 0) {
      before ??= hashesBefore(text, at, anchor.before + SLACK, scratchBefore);
      check.hashesBefore ??= check.othersBefore.map(keyHashes);
      if (before !== null && !allAmong(check.hashesBefore, before)) continue;
    }
    if (check.othersAfter.length > 0) {
      after ??= hashesAfter(text, at + anchor.key.length, anchor.after + SLACK, scratchAfter);
      check.hashesAfter ??= check.othersAfter.map(keyHashes);
      if (after !== null && !allAmong(check.hashesAfter, after)) continue;
    }
    plausible = true;
    paragraph ||= check.paragraph;
    if (requires === null) continue;
    if (!check.requires) requires = null;
    else if (!requires) requires = [check.requires];
    else if (!requires.includes(check.requires)) requires.push(check.requires);
  }
  if (!plausible) return null;
  return requires ? { at, paragraph, requires } : { at, paragraph };
}

/** Does each test have one of its words among `tokens`? */
function allAmong(tests: Array<Set<number>>, tokens: number[]): boolean {
  for (const words of tests) {
    let found = false;
    for (const h of tokens) {
      if (words.has(h)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

const isOpeningQuote = (code: number): boolean => code === 34 || code === 39 || code === 0x201c || code === 0x2018;

function quoteBefore(text: string, at: number, tokensBefore: number): boolean {
  if (tokensBefore === 0) return at > 0 && isOpeningQuote(text.charCodeAt(at - 1));
  for (let i = Math.max(0, at - CHARS_PER_TOKEN * tokensBefore - 1); i < at; i++) if (isOpeningQuote(text.charCodeAt(i))) return true;
  return false;
}

/** Anchor words in text where a phrase variant could match. */
export function candidatesIn(prefilter: Prefilter, text: string): Candidate[] {
  const out: Candidate[] = [];
  forEachAnchor(prefilter, text, (at, anchor) => {
    const found = candidateAt(anchor, text, at);
    if (found) out.push(found);
  });
  return out;
}

/**
 * The candidates of text[from, to) (one block: a rule's `requires` reads no further than its
 * paragraph, which lies inside the block) whose requirements can be met there. The block's words are
 * hashed once, and only when some candidate has a requirement.
 */
export function withRequirementsMet(candidates: Candidate[], text: string, from: number, to: number): Candidate[] {
  if (!candidates.some((c) => c.requires)) return candidates;
  // The anchor scan, looking for the requirement words instead of the anchors.
  const wanted = new Map<number, true>();
  for (const c of candidates) for (const words of c.requires ?? []) for (const h of words) wanted.set(h, true);
  const hits: number[] = [];
  scanRange(text, from, to, wanted, hits);
  const present = new Set<number>();
  for (let k = 2; k < hits.length; k += 3) present.add(hits[k] as number);
  return candidates.filter((c) => !c.requires || c.requires.some((words) => someIn(words, present)));
}

function someIn(wanted: Set<number>, present: Set<number>): boolean {
  for (const h of wanted) if (present.has(h)) return true;
  return false;
}

/** Whether text holds a candidate whose requirements the text itself can meet (one Markdown group). */
export function hasAnchor(prefilter: Prefilter, text: string): boolean {
  return withRequirementsMet(candidatesIn(prefilter, text), text, 0, text.length).length > 0;
}
