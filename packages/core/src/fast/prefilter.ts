/**
 * The fast path's prefilter: one hashing pass over the raw text that finds every place a rule could
 * match, by the anchors chosen in anchors.ts ("substance abuse" by "abuse", "a schizophrenic" by
 * "schizophrenic"), so that common words ("a", "the", "she", "drug") do not send most of a document
 * through the parser. This is the lint-time half: building the lookup tables and scanning.
 */
import type { CompiledRuleSet } from '../rules/compile.js';
import { escapeRegExp } from '../text/regexp.js';
import { type Anchors, anchorsOf, keyHashes, type VariantCheck } from './anchors.js';
import { ASCII_WORD, FNV_OFFSET, FNV_PRIME, SMALL_INT, wordHash } from './word-hash.js';

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
