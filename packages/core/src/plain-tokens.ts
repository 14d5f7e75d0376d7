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
import { isEnglishAbbreviation, isParserAbbreviation } from './abbreviations.js';
import { type ParagraphTokens, tokenAppender } from './tokens.js';
import { SURE_BOUNDARY_EXCEPTIONS } from './windows.js';

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
  for (let i = start; i < lastWord; i++) {
    const c = source.charCodeAt(i);
    if (c !== 46 && c !== 63 && c !== 33) continue;
    const verdict = afterMark(source, start, end, i);
    if (verdict === UNSURE) return null;
    if (verdict !== SAME_SENTENCE) out.push(verdict);
  }
  return out;
}

/**
 * What the parser does with the mark at `i`: the offset of the sentence it starts, SAME_SENTENCE, or
 * UNSURE. Only the cases whose outcome is fixed by the parser's plugins are decided:
 * - between two letters or digits, "." and "?" join one word (mergeInnerWordSymbol): "96.7", "p.o";
 * - after a word, white space, then a lower-case letter: the sentences merge again
 *   (mergeInitialLowerCaseLetterSentences);
 * - after a word standing alone (white space or the start before it), white space, then a capital or
 *   digit: "?" and "!" end the sentence; "." does unless the word is an abbreviation of the parser
 *   ("Dr. Smith", "1. Left": mergePrefixExceptions); closing quotes or brackets may stand between
 *   the mark and the white space (mergeAffixSymbol), and then only parse-english's abbreviations merge;
 * - windows.ts's sure boundaries (a lower-case word of 4+ letters after any non-letter).
 */
function afterMark(source: string, start: number, end: number, i: number): number {
  const c = source.charCodeAt(i);
  if (i === start || !isAsciiWord(source.charCodeAt(i - 1))) return UNSURE;
  if (i + 1 < end && isAsciiWord(source.charCodeAt(i + 1))) return c === 33 ? UNSURE : SAME_SENTENCE;
  let j = i + 1;
  while (j < end && isCloser(source.charCodeAt(j))) j++;
  const closed = j > i + 1;
  let k = j;
  while (k < end && isSpace(source.charCodeAt(k))) k++;
  if (k === j || k >= end) return UNSURE;
  const next = source.charCodeAt(k);
  if (isLower(next)) return closed ? UNSURE : SAME_SENTENCE;
  if (!isUpperOrDigit(next)) return UNSURE;
  if (c !== 46) return k;
  let wordStart = i;
  while (wordStart > start && isAsciiWord(source.charCodeAt(wordStart - 1))) wordStart--;
  const alone = wordStart === start || isSpace(source.charCodeAt(wordStart - 1));
  if (alone) {
    const word = source.slice(wordStart, i);
    if (!closed) return isParserAbbreviation(word) ? SAME_SENTENCE : k;
    // parse-english merges its abbreviations before the closing mark moves back; parse-latin's own
    // check ("1.", "al.") comes after it, finds the mark last and no longer merges.
    return isEnglishAbbreviation(word) ? SAME_SENTENCE : k;
  }
  // A capital (not a digit) after a sure boundary's word.
  return !closed && next >= 65 && sureAfter(source, start, i) ? k : UNSURE;
}

/** windows.ts's sure boundary before the stop at `i`: 4+ lower-case letters after a non-letter, no exception. */
function sureAfter(source: string, start: number, i: number): boolean {
  let wordStart = i;
  while (wordStart > start && isLower(source.charCodeAt(wordStart - 1))) wordStart--;
  if (i - wordStart < 4) return false;
  const before = wordStart > start ? source.charCodeAt(wordStart - 1) : 0;
  if ((before >= 65 && before <= 90) || isLower(before)) return false;
  return !SURE_BOUNDARY_EXCEPTIONS.has(source.slice(wordStart, i));
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
