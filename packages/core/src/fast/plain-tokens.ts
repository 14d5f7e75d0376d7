/**
 * The tokens of a plain-text slice without running the English parser, for the slices whose parse is
 * certain. The matcher reads only word tokens, their sentence and their paragraph from the nlcst tree;
 * parse-english decides those through its sentence rules (abbreviations, initialisms, decimals, closing
 * quotes, line breaks). A slice qualifies when
 *
 * - every character is ASCII or one of ’ ‘ “ ” – — (no Unicode letter classes to disagree on);
 * - no white-space run holds two line breaks (the parser would break a sentence there);
 * - every full stop, question or exclamation mark before its last word is certain either way
 *   (sentenceStarts below, which follows parse-latin 7 and parse-english 7 plugin by plugin).
 *
 * Then words are runs of ASCII letters and digits joined by single apostrophes (what tokens.ts reads
 * from the parser's word nodes), each sentence start found begins a new sentence, and one whose white
 * space is only line breaks, spaces and tabs begins a new paragraph (parse-latin's root split).
 * Anything else returns null and the caller parses. A test compares this with the parser on corpora and
 * random text.
 */

import { type ParagraphTokens, tokenAppender } from '../matching/tokens.js';
import { isEnglishAbbreviation, isParserAbbreviation } from './abbreviations.js';
import { sureWordBefore } from './windows.js';

const ALLOWED_NON_ASCII = new Set([0x2019, 0x2018, 0x201c, 0x201d, 0x2013, 0x2014]);
/** Two line breaks in one white-space run (\r\n counts once). */
const TWO_LINE_BREAKS = /(?:\r\n|\r(?!\n)|\n)[\t\v\f ]*[\r\n]/;
/** parse-latin's `newLine`: white space that splits paragraphs at the root. */
const NEW_LINE = /^[ \t]*((\r?\n|\r)[\t ]*)+$/;

const isAsciiWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

export function plainParagraphs(source: string, start: number, end: number): ParagraphTokens[] | null {
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c >= 128 && !ALLOWED_NON_ASCII.has(c)) return null;
  }
  if (TWO_LINE_BREAKS.test(source.slice(start, end))) return null;
  let lastWord = end - 1;
  while (lastWord >= start && !isAsciiWord(source.charCodeAt(lastWord))) lastWord--;
  const cuts = sentenceStarts(source, start, end, lastWord);
  if (!cuts) return null;
  const out: ParagraphTokens[] = [];
  let paragraph: ParagraphTokens | undefined;
  let sentence = 0;
  for (let k = 0; k <= cuts.length; k++) {
    const from = k === 0 ? start : (cuts[k - 1] as number);
    const to = k === cuts.length ? end : (cuts[k] as number);
    if (k > 0 && paragraph) {
      // White space runs from after the stop (and any closing quotes) to the next sentence.
      let stop = from - 1;
      while (stop > start && isSpace(source.charCodeAt(stop))) stop--;
      if (NEW_LINE.test(source.slice(stop + 1, from))) {
        paragraph.end = stop + 1;
        out.push(paragraph);
        paragraph = undefined;
      } else sentence++;
    }
    if (!paragraph) {
      let first = from;
      while (first < to && isSpace(source.charCodeAt(first))) first++;
      paragraph = { start: first, end: to, tokens: [] };
      sentence = 0;
    }
    appendWords(source, from, Math.min(to, lastWord + 1), tokenAppender(paragraph, source, sentence));
  }
  if (paragraph) {
    let last = end;
    while (last > paragraph.start && isSpace(source.charCodeAt(last - 1))) last--;
    paragraph.end = last;
    out.push(paragraph);
  }
  return out.filter((p) => p.tokens.length > 0);
}

const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

/** Closing marks parse-latin moves back into the sentence they follow (its `affixSymbol`, in ASCII and ’ ”). */
const isCloser = (c: number): boolean => c === 34 || c === 39 || c === 41 || c === 0x2019 || c === 0x201d;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isUpperOrDigit = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

const UNSURE = -2;
const SAME_SENTENCE = -1;

/**
 * Offsets where the parser starts a new sentence in source[start, end) before `lastWord`, or null when
 * a full stop, question or exclamation mark there could go either way.
 */
export function sentenceStarts(source: string, start: number, end: number, lastWord: number): number[] | null {
  const out: number[] = [];
  let sentenceStart = start;
  for (let i = start; i < lastWord; i++) {
    const c = source.charCodeAt(i);
    if (c !== 46 && c !== 63 && c !== 33) continue;
    const verdict = afterMark(source, start, end, i, sentenceStart);
    if (verdict === UNSURE) return null;
    if (verdict !== SAME_SENTENCE) {
      out.push(verdict);
      sentenceStart = verdict;
    }
  }
  return out;
}

/**
 * What the parser does with the mark at `i`: the offset of the sentence it starts, SAME_SENTENCE, or
 * UNSURE. Only the cases whose outcome is fixed by the parser's plugins are decided:
 * - between two letters or digits, "." and "?" join one word (mergeInnerWordSymbol): "96.7", "p.o";
 * - a full stop after an initialism joins it ("b.i.d.", "U.S.": mergeInitialisms), whatever follows;
 * - white space, then a lower-case letter: the sentences merge again
 *   (mergeInitialLowerCaseLetterSentences);
 * - white space, then a capital or digit: "?" and "!" end the sentence, and so does "." unless the
 *   word right before it is one of the parser's abbreviations ("Dr. Smith", "1. Left":
 *   mergePrefixExceptions), which needs that word's extent to be certain (wordBefore). Closing quotes
 *   or brackets may stand between the mark and the white space (mergeAffixSymbol); then only
 *   parse-english's abbreviations merge, as its check runs before the closing mark moves back.
 * A sentence the parser would find no word in merges with its neighbour, so a mark with no word since
 * the last sentence start is left undecided.
 */
function afterMark(source: string, start: number, end: number, i: number, sentenceStart: number): number {
  const c = source.charCodeAt(i);
  const afterWord = i > start && isAsciiWord(source.charCodeAt(i - 1));
  if (i + 1 < end && isAsciiWord(source.charCodeAt(i + 1))) return afterWord && c !== 33 ? SAME_SENTENCE : UNSURE;
  const word = c === 46 && afterWord ? wordBefore(source, start, i) : undefined;
  if (word && word.length > 1 && isInitialism(word)) return SAME_SENTENCE;
  let j = i + 1;
  while (j < end && isCloser(source.charCodeAt(j))) j++;
  const closed = j > i + 1;
  let k = j;
  while (k < end && isSpace(source.charCodeAt(k))) k++;
  if (k === j || k >= end) return UNSURE;
  const next = source.charCodeAt(k);
  if (isLower(next)) return closed ? UNSURE : SAME_SENTENCE;
  if (!isUpperOrDigit(next)) return UNSURE;
  if (!hasWord(source, sentenceStart, i)) return UNSURE;
  // The word node before the stop is not certain: only windows.ts's sure boundary decides.
  if (word === null) return !closed && next >= 65 && sureWordBefore(source, start, i) ? k : UNSURE;
  // "?" and "!", and a full stop after something that is not a word, are never merged back.
  if (!word) return k;
  // A word with inner marks ("L3-L4", "0.6") is no abbreviation: every list entry is letters or digits.
  if (word.length > 1) return k;
  const only = word[0] as string;
  if (!closed) return isParserAbbreviation(only) ? SAME_SENTENCE : k;
  return isEnglishAbbreviation(only) ? SAME_SENTENCE : k;
}

/** Marks that join two words into one word node when they stand alone between them (wordSymbolInner). */
const INNER_MARKS = new Set([38, 39, 45, 46, 58, 61, 63, 64, 0x2019]);
/** Characters before a word that may change its word node (slash and underscore merges, "&" prefix…). */
const UNCERTAIN_BEFORE = new Set([38, 39, 45, 46, 47, 58, 61, 63, 64, 95, 0x2019, 0x2018]);

/**
 * The parts of the word node that ends at `end` (runs of letters and digits joined by single inner
 * marks, and by slashes where parse-latin joins them), or null when what stands before it could change
 * that node (an underscore, "&", a mark without a word before it…).
 */
function wordBefore(source: string, start: number, end: number): string[] | null {
  // Words joined by single slashes, right to left; each is one word node after mergeInnerWordSymbol.
  const words: string[][] = [];
  let to = end;
  for (;;) {
    const parts: string[] = [];
    let from = to;
    for (;;) {
      let runStart = from;
      while (runStart > start && isAsciiWord(source.charCodeAt(runStart - 1))) runStart--;
      parts.unshift(source.slice(runStart, from));
      from = runStart;
      const before = runStart > start ? source.charCodeAt(runStart - 1) : -1;
      if (INNER_MARKS.has(before) && runStart - 1 > start && isAsciiWord(source.charCodeAt(runStart - 2))) {
        parts.unshift(String.fromCharCode(before));
        from = runStart - 1;
        continue;
      }
      break;
    }
    words.unshift(parts);
    if (from === start) break;
    const before = source.charCodeAt(from - 1);
    if (before === 47 && from - 1 > start && isAsciiWord(source.charCodeAt(from - 2))) {
      to = from - 1;
      continue;
    }
    if (UNCERTAIN_BEFORE.has(before)) return null;
    break;
  }
  // mergeInnerWordSlash, left to right: a slash joins the word before it (as joined so far) and the one
  // after it when both are under three characters ("12/07", "mg/dl"; not "122/70" or "1/4/92"'s "92").
  let node = words[0] as string[];
  for (let w = 1; w < words.length; w++) {
    const next = words[w] as string[];
    node = node.join('').length < 3 && next.join('').length < 3 ? [...node, '/', ...next] : next;
  }
  return node;
}

/**
 * parse-latin's mergeInitialisms on a word node's parts (text, mark, text, …): read from the end,
 * single characters separated by full stops, not all digits, make the full stop after them part of the
 * word.
 */
function isInitialism(parts: string[]): boolean {
  let allDigits = true;
  for (let position = parts.length - 1; position >= 0; position--) {
    const value = parts[position] as string;
    if (position % 2 === 0) {
      if (value.length > 1) return false;
      const c = value.charCodeAt(0);
      if (c < 48 || c > 57) allDigits = false;
    } else if (value !== '.') {
      if (position < parts.length - 2) break;
      return false;
    }
  }
  return !allDigits;
}

function hasWord(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isAsciiWord(source.charCodeAt(i))) return true;
  return false;
}

/** Runs of ASCII letters and digits joined by single apostrophes: the token pattern, on ASCII text. */
function appendWords(source: string, from: number, to: number, append: (start: number, end: number, written: string) => void): void {
  let i = from;
  while (i < to) {
    if (!isAsciiWord(source.charCodeAt(i))) {
      i++;
      continue;
    }
    const wordStart = i;
    for (;;) {
      while (i < to && isAsciiWord(source.charCodeAt(i))) i++;
      if (i + 1 < to && isApostrophe(source.charCodeAt(i)) && isAsciiWord(source.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    append(wordStart, i, source.slice(wordStart, i));
  }
}
