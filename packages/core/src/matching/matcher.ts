/** Token-sequence matching over one paragraph's tokens. Linear in the tokens times the candidates. */
import type { Sequence, TokenTest } from '../rules/pattern.js';
import type { Token } from './tokens.js';

const LENIENT_PUNCT = /^[,:;()–—-]+$/;

const CAPITALISED = /^\p{Lu}/u;
const NUMBER = /^\p{N}+$/u;
/** ASCII first: a capital A-Z is one, any other ASCII character is not; else the Unicode class. */
export function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : CAPITALISED.test(text);
}
function isNumber(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return NUMBER.test(text);
    if (c < 48 || c > 57) return false;
  }
  return text.length > 0;
}

function passes(test: TokenTest, token: Token, caseSensitive: boolean): boolean {
  switch (test.kind) {
    case 'words':
      return test.forms.has(caseSensitive ? token.text : token.lower);
    case 'any':
      return true;
    case 'capitalised':
      return isCapitalised(token.text);
    case 'number':
      return isNumber(token.text);
  }
}

/**
 * Does `seq` match starting at token `i`? Returns the index of its last token, or -1. Tokens must be
 * joined by space or hyphen; with `lenient`, light punctuation (comma, colon, brackets) between the
 * first matched token and the one before it is ignored by the caller and a comma inside is allowed.
 */
export function matchAt(tokens: Token[], i: number, seq: Sequence, lenient = false): number {
  const n = seq.tokens.length;
  const first = tokens[i];
  if (!first) return -1;
  for (let k = 0; k < n; k++) {
    const token = tokens[i + k];
    const test = seq.tokens[k];
    if (!token || !test) return -1;
    if (k > 0) {
      if (token.sentence !== first.sentence) return -1;
      if (test.after !== undefined) {
        if (token.join !== 'punct' || token.punct !== test.after) return -1;
      } else if (token.join === 'punct' && !(lenient && LENIENT_PUNCT.test(token.punct ?? ''))) return -1;
    }
    if (!passes(test, token, seq.caseSensitive)) return -1;
  }
  return i + n - 1;
}

/**
 * Sequences by the forms of their last word, so that endsAt tries only those that can end at a token
 * (cue lists are looked up at every word near every match). Case-sensitive sequences and those ending
 * in a wildcard are tried at every token.
 */
interface LastWordIndex {
  byLast: Map<string, Sequence[]>;
  others: Sequence[];
}
const lastWordCache = new WeakMap<Sequence[], LastWordIndex>();
function lastWordIndexOf(seqs: Sequence[]): LastWordIndex {
  let index = lastWordCache.get(seqs);
  if (!index) {
    index = { byLast: new Map(), others: [] };
    for (const seq of seqs) {
      const last = seq.tokens[seq.tokens.length - 1];
      if (last?.kind !== 'words' || seq.caseSensitive) {
        index.others.push(seq);
        continue;
      }
      for (const form of last.forms) {
        const list = index.byLast.get(form);
        if (list) list.push(seq);
        else index.byLast.set(form, [seq]);
      }
    }
    lastWordCache.set(seqs, index);
  }
  return index;
}

function endsWithin(tokens: Token[], j: number, seqs: Sequence[], lenient: boolean): boolean {
  for (const seq of seqs) {
    const start = j - seq.tokens.length + 1;
    if (start >= 0 && matchAt(tokens, start, seq, lenient) === j) return true;
  }
  return false;
}

/** Does any sequence match so that it ends exactly at token `j`? */
export function endsAt(tokens: Token[], j: number, seqs: Sequence[], lenient = false): boolean {
  const token = tokens[j];
  if (!token || seqs.length === 0) return false;
  const index = lastWordIndexOf(seqs);
  const byWord = index.byLast.get(token.lower);
  return (byWord !== undefined && endsWithin(tokens, j, byWord, lenient)) || endsWithin(tokens, j, index.others, lenient);
}

/** Does any sequence start exactly at token `i`? */
export function startsAt(tokens: Token[], i: number, seqs: Sequence[], lenient = false): boolean {
  return seqs.some((seq) => matchAt(tokens, i, seq, lenient) >= 0);
}

/**
 * The first words of a list of sequences, to skip tokens that start none of them (null when one starts
 * with a wildcard or matches case-sensitively: then every token is tried).
 */
const firstWordsCache = new WeakMap<Sequence[], Set<string> | null>();
function firstWordsOf(seqs: Sequence[]): Set<string> | null {
  let found = firstWordsCache.get(seqs);
  if (found === undefined) {
    found = new Set<string>();
    for (const seq of seqs) {
      const first = seq.tokens[0];
      if (first?.kind !== 'words' || seq.caseSensitive) {
        found = null;
        break;
      }
      for (const form of first.forms) found.add(form);
    }
    firstWordsCache.set(seqs, found);
  }
  return found;
}

/** Does any sequence occur within tokens [from, to]? */
export function occursWithin(tokens: Token[], from: number, to: number, seqs: Sequence[]): boolean {
  const firstWords = firstWordsOf(seqs);
  for (let i = from; i <= to; i++) {
    if (firstWords && !firstWords.has((tokens[i] as Token).lower)) continue;
    for (const seq of seqs) {
      const end = matchAt(tokens, i, seq);
      if (end >= 0 && end <= to) return true;
    }
  }
  return false;
}

interface Entry<T> {
  seq: Sequence;
  value: T;
}

/** The sequences sharing a first form, as positions in the index's entries (ascending: the order added). */
interface FirstWordBucket {
  positions: number[];
  /**
   * The same split by second form, so common first words stay cheap. Built on first lookup: most
   * first words never occur in a given document, and splitting all of them costs a cold start time.
   */
  split?: SplitBucket;
}

interface SplitBucket {
  /** One-token sequences and those whose second token is a wildcard. */
  rest: number[];
  bySecond: Map<string, number[]>;
}

export interface SequenceMatch<T> {
  value: T;
  first: number;
  last: number;
  seq: Sequence;
}

/**
 * An index from first-token forms (then second-token forms) to the sequences that start with them.
 * Many phrases start with "a", "is" or "her": keying on two words keeps the attempts per token few.
 */
export class SequenceIndex<T> {
  private readonly folded = new Map<string, FirstWordBucket>();
  private readonly exact = new Map<string, FirstWordBucket>();
  private readonly all: Array<Entry<T>> = [];
  /** Lower-cased first words of every sequence, for prefiltering raw text. */
  readonly triggers = new Set<string>();

  add(seq: Sequence, value: T): void {
    const first = seq.tokens[0];
    if (first?.kind !== 'words') return;
    const position = this.all.length;
    this.all.push({ seq, value });
    const map = seq.caseSensitive ? this.exact : this.folded;
    for (const form of first.forms) {
      const bucket = map.get(form);
      if (!bucket) map.set(form, { positions: [position], split: undefined });
      else {
        bucket.positions.push(position);
        bucket.split = undefined;
      }
      this.triggers.add(form.toLowerCase());
    }
  }

  /** Every sequence with its value, in the order added. */
  entries(): ReadonlyArray<{ seq: Sequence; value: T }> {
    return this.all;
  }

  /** Every match in the token list, by first token, then in the order the sequences were added. */
  matches(tokens: Token[]): Array<SequenceMatch<T>> {
    const out: Array<SequenceMatch<T>> = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      const next = tokens[i + 1];
      const folded = this.folded.get(token.lower);
      if (folded) this.tryBucket(folded, next?.lower, tokens, i, out);
      if (this.exact.size > 0) {
        const exact = this.exact.get(token.text);
        if (exact) this.tryBucket(exact, next?.text, tokens, i, out);
      }
    }
    return out;
  }

  private tryBucket(bucket: FirstWordBucket, nextForm: string | undefined, tokens: Token[], i: number, out: Array<SequenceMatch<T>>): void {
    bucket.split ??= this.split(bucket.positions);
    const { rest, bySecond } = bucket.split;
    const paired = nextForm === undefined ? undefined : bySecond.get(nextForm);
    if (rest.length === 0 && !paired) return;
    // Merge the two lists (each ascending) so the report order is the order added.
    let a = 0;
    let b = 0;
    const pairedLength = paired?.length ?? 0;
    while (a < rest.length || b < pairedLength) {
      const fromRest = rest[a];
      const fromPaired = paired?.[b];
      let position: number;
      if (fromRest !== undefined && (fromPaired === undefined || fromRest < fromPaired)) {
        position = fromRest;
        a++;
      } else {
        position = fromPaired as number;
        b++;
      }
      const entry = this.all[position] as Entry<T>;
      const last = matchAt(tokens, i, entry.seq);
      if (last >= 0) out.push({ value: entry.value, first: i, last, seq: entry.seq });
    }
  }

  private split(positions: number[]): SplitBucket {
    const rest: number[] = [];
    const bySecond = new Map<string, number[]>();
    for (const position of positions) {
      const second = (this.all[position] as Entry<T>).seq.tokens[1];
      if (second?.kind !== 'words') {
        rest.push(position);
        continue;
      }
      for (const next of second.forms) {
        const list = bySecond.get(next);
        if (list) list.push(position);
        else bySecond.set(next, [position]);
      }
    }
    return { rest, bySecond };
  }

  get size(): number {
    return this.folded.size + this.exact.size;
  }
}
