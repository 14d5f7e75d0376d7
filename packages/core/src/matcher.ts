/** Token-sequence matching over one paragraph's tokens. Linear in the tokens times the candidates. */
import type { Sequence, TokenTest } from './pattern.js';
import type { Token } from './tokens.js';

const LENIENT_PUNCT = /^[,:;()–—-]+$/;

function passes(test: TokenTest, token: Token, caseSensitive: boolean): boolean {
  switch (test.kind) {
    case 'words':
      return test.forms.has(caseSensitive ? token.text : token.lower);
    case 'any':
      return true;
    case 'capitalised':
      return /^\p{Lu}/u.test(token.text);
    case 'number':
      return /^\p{N}+$/u.test(token.text);
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

/** Does any sequence match so that it ends exactly at token `j`? */
export function endsAt(tokens: Token[], j: number, seqs: Sequence[], lenient = false): boolean {
  for (const seq of seqs) {
    const start = j - seq.tokens.length + 1;
    if (start >= 0 && matchAt(tokens, start, seq, lenient) === j) return true;
  }
  return false;
}

/** Does any sequence start exactly at token `i`? */
export function startsAt(tokens: Token[], i: number, seqs: Sequence[], lenient = false): boolean {
  return seqs.some((seq) => matchAt(tokens, i, seq, lenient) >= 0);
}

/** Does any sequence occur within tokens [from, to]? */
export function occursWithin(tokens: Token[], from: number, to: number, seqs: Sequence[]): boolean {
  for (let i = from; i <= to; i++) {
    for (const seq of seqs) {
      const end = matchAt(tokens, i, seq);
      if (end >= 0 && end <= to) return true;
    }
  }
  return false;
}

/** An index from first-token forms to the sequences that start with them. */
export class SequenceIndex<T> {
  private readonly folded = new Map<string, Array<{ seq: Sequence; value: T }>>();
  private readonly exact = new Map<string, Array<{ seq: Sequence; value: T }>>();
  /** Lower-cased first words of every sequence, for prefiltering raw text. */
  readonly triggers = new Set<string>();

  add(seq: Sequence, value: T): void {
    const first = seq.tokens[0];
    if (first?.kind !== 'words') return;
    const map = seq.caseSensitive ? this.exact : this.folded;
    for (const form of first.forms) {
      let list = map.get(form);
      if (!list) map.set(form, (list = []));
      list.push({ seq, value });
      this.triggers.add(form.toLowerCase());
    }
  }

  /** Every match in the token list: [value, first token, last token]. */
  *matches(tokens: Token[]): Generator<{ value: T; first: number; last: number; seq: Sequence }> {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token) continue;
      const folded = this.folded.get(token.lower);
      const exact = this.exact.get(token.text);
      for (const list of [folded, exact]) {
        if (!list) continue;
        for (const { seq, value } of list) {
          const last = matchAt(tokens, i, seq);
          if (last >= 0) yield { value, first: i, last, seq };
        }
      }
    }
  }

  get size(): number {
    return this.folded.size + this.exact.size;
  }
}
