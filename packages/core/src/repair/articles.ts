/**
 * "a" or "an" by the sound of the next word, so that a repair keeps the article before it in
 * agreement ("an addict" → "a person …", "a disabled child" stays "a child with …").
 * Spelling rules with the common exceptions; initialisms are read letter by letter ("an MRI", "a UTI").
 */
import type { Repair } from '../types.js';
import { isAdvice, startsWithVerb } from './conventions.js';

export type Article = 'a' | 'an';

/** Vowel letters that sound like a consonant ("a user", "a European", "a one-off"). */
const CONSONANT_SOUNDING = /^(?:uni(?:c|f|l|on|q|s|t|v)|unan|us[aeu]|ur[aeio]|ut[eio]|uv|uk|ubiq|eu|ewe|one(?:$|-)|once$)/i;
/** Consonant letters with a silent "h" ("an hour", "an honest"). */
const VOWEL_SOUNDING = /^(?:hour|honest|honou?r|heir)/i;
/** Letter names that start with a vowel sound: A E F H I L M N O R S X. */
const VOWEL_SOUNDING_LETTERS = new Set('AEFHILMNORSX');

function isInitialism(word: string): boolean {
  const letters = word.split(/[-/]/)[0] ?? '';
  return (letters.length === 1 && /^\p{Lu}$/u.test(letters)) || (letters.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(letters));
}

/** The indefinite article for a word, or undefined when the word does not start with a letter or a number. */
export function articleFor(word: string): Article | undefined {
  const w = word.replace(/^[^\p{L}\p{N}]+/u, '');
  if (w === '') return undefined;
  if (/^\p{N}/u.test(w)) return /^(?:8|11(?!\d)|18(?!\d))/.test(w) ? 'an' : 'a';
  if (isInitialism(w)) return VOWEL_SOUNDING_LETTERS.has(w.charAt(0)) ? 'an' : 'a';
  if (VOWEL_SOUNDING.test(w)) return 'an';
  if (/^[aeiou]/i.test(w)) return CONSONANT_SOUNDING.test(w) ? 'a' : 'an';
  return 'a';
}

/**
 * First words of a repair that cannot follow "a"/"an": a determiner of its own ("a person …") or a
 * preposition ("in long-term recovery").
 */
const NO_ARTICLE_BEFORE = /^(?:a|an|the|this|that|these|those|his|her|their|my|your|our|its|some|any|no|in|with|from|of|on|at|without)$/i;

export function startsWithDeterminer(text: string): boolean {
  return NO_ARTICLE_BEFORE.test(text.split(/\s+/)[0] ?? '');
}

export interface WrittenArticle {
  /** Offset of the article in the source. */
  start: number;
  text: string;
}

/** A capital "A"/"An" is an article unless a word stands just before it ("Type A", "hepatitis A"). */
const AFTER_WORD = /[\p{L}\p{N}][ \t]*$/u;
const ARTICLE_AT_END = /(?<![\p{L}\p{N}'’-])(an?|An?)(?:[ \t]+|[ \t]*\r?\n[ \t]*)$/u;

/**
 * The "a"/"an" written just before `offset` (same paragraph), if any. A capital "A"/"An" right after
 * a word ("Type A", "Hepatitis A") is a letter, not an article.
 */
export function articleBefore(source: string, offset: number): WrittenArticle | undefined {
  const from = Math.max(0, offset - 40);
  const m = ARTICLE_AT_END.exec(source.slice(from, offset));
  const text = m?.[1];
  if (!m || !text) return undefined;
  const start = from + m.index;
  if (text !== text.toLowerCase() && AFTER_WORD.test(source.slice(Math.max(0, start - 40), start))) return undefined;
  return { start, text };
}

/** The article a repair needs in place of `written`, in the written article's case. */
export function agreeingArticle(written: string, next: string): string | undefined {
  const needed = articleFor(next);
  if (!needed) return undefined;
  return written.charAt(0) === written.charAt(0).toUpperCase() ? needed.charAt(0).toUpperCase() + needed.slice(1) : needed;
}

export interface ArticleRepair {
  /** Where the repair now starts: at the written article. */
  start: number;
  suggestions: Repair[];
}

/**
 * When a repair needs a different article from the one written before the flagged text ("an addict" →
 * "a person …") or brings its own ("a junkie" → "a person who uses drugs"), widen the repair to take in the
 * written article and give every suggestion the article it needs. Undefined when every suggestion agrees.
 */
export function repairArticle(source: string, start: number, suggestions: Repair[]): ArticleRepair | undefined {
  const written = articleBefore(source, start);
  if (!written) return undefined;
  const capital = written.text !== written.text.toLowerCase();
  let changed = false;
  const repaired = suggestions.map((r): Repair => {
    if (isAdvice(r)) return r;
    const s = r.text;
    // A repair with its own determiner, a preposition or a verb phrase ("has epilepsy") takes the article's place.
    if (startsWithDeterminer(s) || startsWithVerb(s)) {
      changed = true;
      return { ...r, text: capital ? s.charAt(0).toUpperCase() + s.slice(1) : s };
    }
    const article = agreeingArticle(written.text, s) ?? written.text;
    if (article !== written.text) changed = true;
    return { ...r, text: `${article} ${s}` };
  });
  return changed ? { start: written.start, suggestions: repaired } : undefined;
}

/**
 * Make every "a"/"an" inside a repair agree with the word after it. Templates copy an article from
 * the flagged text ("an anorexic" → "{1} person …"), which may no longer fit the words that follow.
 */
export function agreeArticlesWithin(text: string): string {
  return text.replace(
    /(^|[^\p{L}\p{N}'’-])(an?|An?)(?= )( +)([^\s]+)/gu,
    (all, lead: string, article: string, space: string, next: string) => {
      if (article !== article.toLowerCase() && lead !== '') return all;
      const agreed = agreeingArticle(article, next);
      return agreed ? `${lead}${agreed}${space}${next}` : all;
    },
  );
}
