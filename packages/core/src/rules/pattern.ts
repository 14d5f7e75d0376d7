/**
 * Phrase patterns: the wording a rule flags, written as data and expanded into fixed-length token
 * sequences. Syntax (whitespace separates tokens):
 *   word            a literal word (case-insensitive unless the entry says otherwise)
 *   a|b|c           alternatives; an alternative may be hyphenated ("ex-addict")
 *   (a|b)?  word?   optional token
 *   ~verb           the verb and its inflections (commit → commits, committed, committing)
 *   *               any one word (not first)
 *   @Cap            any capitalised word (not first)
 *   #               any number (not first)
 *   ,  /  :  ;  &   the next word must follow exactly this punctuation ("husband's name / wife's name")
 * Hyphenated words match with a hyphen, a space, a line break, or joined ("wheelchair-bound",
 * "wheelchair bound", "wheelchairbound"). The last word also matches its plural and possessive forms
 * unless the entry sets `plural: false`.
 */
import { nounForms, verbForms } from './inflect.js';

export type TokenTest = (
  | { kind: 'words'; forms: Set<string>; pluralForms: Set<string> }
  | { kind: 'any' }
  | { kind: 'capitalised' }
  | { kind: 'number' }
) & {
  /** The punctuation that must stand between this token and the previous one (else a space or hyphen). */
  after?: string;
};

export interface Sequence {
  tokens: TokenTest[];
  caseSensitive: boolean;
  /**
   * Position of the prefilter's anchor, the rarest word test (-1: none). Worked out on first use by
   * fast/anchors.ts, or read from the rule-set snapshot so that a cold start need not work it out.
   */
  anchor?: number;
}

export class PatternError extends Error {}

interface Alternative {
  /** Words of this alternative (more than one when hyphenated). */
  words: string[];
  verb: boolean;
  special?: 'any' | 'capitalised' | 'number';
}

interface ParsedToken {
  alternatives: Alternative[];
  optional: boolean;
}

const WORD = /^[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*$/u;
/** Punctuation a pattern may require between two words. */
const JOINING_PUNCTUATION = new Set([',', '/', ':', ';', '&']);

export function normaliseWord(word: string): string {
  return word.includes('’') ? word.replace(/’/g, "'") : word;
}

function parseToken(raw: string, pattern: string): ParsedToken {
  let body = raw;
  let optional = false;
  if (body.endsWith('?')) {
    optional = true;
    body = body.slice(0, -1);
  }
  if (body.startsWith('(') && body.endsWith(')')) body = body.slice(1, -1);
  if (body === '') throw new PatternError(`empty token in "${pattern}"`);
  const alternatives = body.split('|').map((alt): Alternative => {
    if (alt === '*') return { words: [], verb: false, special: 'any' };
    if (alt === '@Cap') return { words: [], verb: false, special: 'capitalised' };
    if (alt === '#') return { words: [], verb: false, special: 'number' };
    const verb = alt.startsWith('~');
    const text = normaliseWord(verb ? alt.slice(1) : alt);
    const words = text.split('-');
    for (const w of words) {
      if (!WORD.test(w)) throw new PatternError(`"${alt}" in "${pattern}" is not a word, an alternative list or a wildcard`);
    }
    return { words, verb };
  });
  if (alternatives.some((a) => a.special) && alternatives.length > 1) {
    throw new PatternError(`a wildcard cannot be one of several alternatives in "${pattern}"`);
  }
  return { alternatives, optional };
}

function lower(word: string, caseSensitive: boolean): string {
  return caseSensitive ? word : word.toLowerCase();
}

export interface PatternOptions {
  caseSensitive?: boolean;
  plural?: boolean;
  /** Exception lists are matched at a fixed place, never looked up by first word: a wildcard may lead. */
  leadingWildcard?: boolean;
}

/** Split raw tokens into word tokens, noting the punctuation each one must follow. */
function splitPunctuation(rawTokens: string[], pattern: string): Array<{ raw: string; after?: string }> {
  const out: Array<{ raw: string; after?: string }> = [];
  let pending: string | undefined;
  for (const raw of rawTokens) {
    if (JOINING_PUNCTUATION.has(raw)) {
      if (out.length === 0 || pending !== undefined)
        throw new PatternError(`punctuation "${raw}" must stand between two words in "${pattern}"`);
      pending = raw;
      continue;
    }
    out.push(pending === undefined ? { raw } : { raw, after: pending });
    pending = undefined;
  }
  if (pending !== undefined) throw new PatternError(`punctuation "${pending}" must stand between two words in "${pattern}"`);
  return out;
}

/** The most token sequences one pattern may expand to. */
const MAX_VARIANTS = 4096;

/** Expand a pattern into every fixed-length token sequence it stands for. */
export function compilePattern(pattern: string, options: PatternOptions = {}): Sequence[] {
  const caseSensitive = options.caseSensitive ?? false;
  const inflectLast = options.plural ?? true;
  const rawTokens = splitPunctuation(pattern.trim().split(/\s+/).filter(Boolean), pattern);
  if (rawTokens.length === 0) throw new PatternError('empty phrase');
  const parsed = rawTokens.map((t) => {
    const token = parseToken(t.raw, pattern);
    if (t.after !== undefined && token.optional) throw new PatternError(`a word after punctuation cannot be optional in "${pattern}"`);
    return { ...token, after: t.after };
  });
  const first = parsed[0];
  if (!options.leadingWildcard && first?.alternatives.some((a) => a.special)) {
    throw new PatternError(`a phrase cannot start with a wildcard: "${pattern}"`);
  }

  // Each alternative becomes a list of token tests; optional tokens may also vanish.
  let partials: TokenTest[][][] = [[]];
  parsed.forEach((token, index) => {
    const isLast = index === parsed.length - 1;
    const choices: TokenTest[][] = [];
    // Keyed by the leading words (a lookup per alternative: a list of thousands stays linear).
    const grouped = new Map<string, { forms: Set<string>; pluralForms: Set<string>; lead: string[] }>();
    for (const alt of token.alternatives) {
      if (alt.special) {
        choices.push([{ kind: alt.special, ...(token.after ? { after: token.after } : {}) } as TokenTest]);
        continue;
      }
      // Hyphenated alternatives: split form, plus the joined form.
      const splits: string[][] = [alt.words];
      if (alt.words.length > 1) splits.push([alt.words.join('')]);
      for (const words of splits) {
        const lead = words.slice(0, -1).map((w) => lower(w, caseSensitive));
        const tail = words.at(-1) ?? '';
        const forms = new Set<string>();
        const pluralForms = new Set<string>();
        if (alt.verb) for (const f of verbForms(tail)) forms.add(lower(f, caseSensitive));
        else if (isLast && inflectLast) {
          const nf = nounForms(tail);
          for (const f of nf.singular) forms.add(lower(f, caseSensitive));
          for (const f of nf.plural) {
            forms.add(lower(f, caseSensitive));
            pluralForms.add(lower(f, caseSensitive));
          }
        } else forms.add(lower(tail, caseSensitive));
        // Alternatives with the same leading words share one token test for the last word.
        const key = lead.join(' ');
        const g = grouped.get(key);
        if (g) {
          for (const f of forms) g.forms.add(f);
          for (const f of pluralForms) g.pluralForms.add(f);
        } else grouped.set(key, { forms, pluralForms, lead });
      }
    }
    for (const g of grouped.values()) {
      const tests: TokenTest[] = [
        ...g.lead.map((w): TokenTest => ({ kind: 'words', forms: new Set([w]), pluralForms: new Set() })),
        { kind: 'words', forms: g.forms, pluralForms: g.pluralForms },
      ];
      // The punctuation belongs before the first word of a hyphenated alternative.
      const head = tests[0];
      if (head && token.after) head.after = token.after;
      choices.push(tests);
    }
    // Checked before it grows: ten optional alternatives double it ten times, forty would exhaust memory.
    if (partials.length * (choices.length + (token.optional ? 1 : 0)) > 8 * MAX_VARIANTS)
      throw new PatternError(`"${pattern}" expands to too many variants`);
    const next: TokenTest[][][] = [];
    for (const p of partials) {
      for (const c of choices) next.push([...p, c]);
      if (token.optional) next.push(p);
    }
    partials = next;
  });

  const sequences = partials.map((parts) => ({ tokens: parts.flat(), caseSensitive }));
  const valid = sequences.filter((s) => s.tokens.length > 0 && (options.leadingWildcard || s.tokens[0]?.kind === 'words'));
  if (valid.length === 0) throw new PatternError(`"${pattern}" can match nothing or starts with a wildcard`);
  if (valid.length > MAX_VARIANTS) throw new PatternError(`"${pattern}" expands to too many variants (${valid.length})`);
  return valid;
}
