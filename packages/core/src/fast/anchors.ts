/**
 * The prefilter's compile-time half: choosing each phrase variant's anchor, its rarest word ("substance
 * abuse" by "abuse", "a schizophrenic" by "schizophrenic"), and what else must be near a hit on it
 * for the variant to be possible there. Runs once per rule set and set of rules that are on (or is
 * revived from the snapshot); prefilter.ts scans documents with the result.
 */
import type { CompiledRuleSet } from '../rules/compile.js';
import type { Sequence, TokenTest } from '../rules/pattern.js';
import { frequencyOf } from './common-words.js';
import { wordHash } from './word-hash.js';

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
export function keyHashes(test: WordTest): Set<number> {
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
