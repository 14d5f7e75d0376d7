/**
 * The sentence around a match, read from the document text itself (not from either matching path's
 * parse), so that the fast path and the reference path see the same sentence. Bounded: at most
 * MAX_REACH characters on each side of the match.
 */

const MAX_REACH = 400;
/**
 * The short scans around a stop or a line break (spaces, closing quotes, the word before a stop) look
 * this far at most: each runs at every position of the reach, so unbounded they were quadratic on a
 * long run of spaces or letters. A longer run of spaces is a break; a longer word is no abbreviation.
 */
const LOOK = 64;
/** Short words before a full stop that do not end a sentence. */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'al',
  'approx',
  'pt',
  'no',
  'fig',
  'ch',
  'vol',
  'p',
  'pp',
  'cf',
]);

export interface SentenceWord {
  lower: string;
  start: number;
  end: number;
}

export interface SentenceAround {
  start: number;
  end: number;
  /** The sentence's words in order, lower-cased, with their offsets in the document. */
  words: SentenceWord[];
  /** Index in `words` of the match's first and last word. */
  first: number;
  last: number;
}

/** Spaces within a line (not the line break, which lineBreakEnds weighs). */
const isSpaceCode = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 0xa0;
const isSpace = (c: string | undefined): boolean => c !== undefined && isSpaceCode(c.charCodeAt(0));

/** Is there a sentence end just before `at` (text[at] starts the next sentence)? */
function endsBefore(text: string, at: number): boolean {
  let i = at - 1;
  const spacesFrom = Math.max(-1, at - 1 - LOOK);
  while (i > spacesFrom && isSpace(text[i])) i--;
  if (i === spacesFrom && i >= 0) return true;
  const sawSpace = i < at - 1;
  if (i < 0) return true;
  const c = text[i];
  if (c === '\n') return lineBreakEnds(text, i);
  // Only white space after a stop ends a sentence: most positions are inside a word.
  if (!sawSpace) return false;
  // Closing quotes and brackets after a stop.
  const quotesFrom = Math.max(0, i - LOOK);
  while (i > quotesFrom && /["'”’)\]]/.test(text[i] ?? '')) i--;
  const stop = text[i];
  if (stop !== '.' && stop !== '!' && stop !== '?') return false;
  if (stop !== '.') return true;
  let w = i;
  const wordFrom = Math.max(0, i - LOOK);
  while (w > wordFrom && /[\p{L}.]/u.test(text[w - 1] ?? '')) w--;
  const word = text.slice(w, i).toLowerCase();
  return !(ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word));
}

/**
 * A line break ends a sentence when the line before it ends with a stop or a colon, is short (a
 * heading, a field of a form, a line of a list), or is followed by a blank line or a list item.
 */
function lineBreakEnds(text: string, newline: number): boolean {
  let e = newline - 1;
  const spacesFrom = Math.max(-1, newline - 1 - LOOK);
  while (e > spacesFrom && isSpace(text[e])) e--;
  if (e < 0 || e === spacesFrom || text[e] === '\n') return true;
  if (/[.!?:;]/.test(text[e] ?? '')) return true;
  // A short line: its start is fewer than SHORT_LINE characters back.
  let s = e;
  while (s > 0 && e - s < SHORT_LINE && text[s - 1] !== '\n') s--;
  if (e - s < SHORT_LINE) return true;
  const n = nextNonSpace(text, newline + 1);
  return text[n] === '\n' || /^(?:[-*•]|\d+[.)])\s/.test(text.slice(n, n + 4));
}

const SHORT_LINE = 40;

export function sentenceAround(text: string, start: number, end: number): SentenceAround {
  const floor = Math.max(0, start - MAX_REACH);
  let from = start;
  // A sentence starts only after white space (or at the text's start): inside a word, step on.
  while (from > floor) {
    const before = text.charCodeAt(from - 1);
    if ((isSpaceCode(before) || before === 10) && endsBefore(text, from)) break;
    from--;
  }
  const ceiling = Math.min(text.length, end + MAX_REACH);
  let to = end;
  while (to < ceiling) {
    const c = text[to];
    if (c === '\n' && lineBreakEnds(text, to)) break;
    if ((c === '.' || c === '!' || c === '?') && endsBefore(text, nextNonSpace(text, to + 1))) {
      to++;
      break;
    }
    to++;
  }
  const words = wordsIn(text, from, to);
  let first = -1;
  let last = -1;
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as SentenceWord;
    if (first < 0 && w.end > start) first = k;
    if (w.start < end) last = k;
  }
  return { start: from, end: to, words, first: Math.max(0, first), last: Math.max(0, last) };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Is the UTF-16 unit at `i` part of a word: a letter or digit (ASCII by a comparison, the rest by the class)? */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && LETTER_OR_DIGIT.test(text.slice(i - 1, i + 1));
  return LETTER_OR_DIGIT.test(text[i] as string);
}

/**
 * The words of text[from, to) as the Unicode word pattern reads them (runs of letters and digits
 * joined by single apostrophes), lower-cased, "’" as "'". A loop over the characters: the pattern
 * cost half of the sentence's time, and a sentence is read for each finding.
 */
function wordsIn(text: string, from: number, to: number): SentenceWord[] {
  const words: SentenceWord[] = [];
  let i = from;
  while (i < to) {
    if (!isWordAt(text, i)) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < to && isWordAt(text, i)) i++;
      const c = text.charCodeAt(i);
      if (i + 1 < to && (c === 39 || c === 0x2019) && isWordAt(text, i + 1)) i++;
      else break;
    }
    const raw = text.slice(start, i);
    words.push({ lower: (raw.includes('’') ? raw.replace(/’/g, "'") : raw).toLowerCase(), start, end: i });
  }
  return words;
}

function nextNonSpace(text: string, at: number): number {
  let i = at;
  const to = Math.min(text.length, at + LOOK);
  while (i < to && isSpace(text[i])) i++;
  // endsBefore looks back from the next sentence's start: give it a point after the spaces.
  return i === at ? at : i;
}
