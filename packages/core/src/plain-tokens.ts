/**
 * The tokens of a plain-text slice without running the English parser, for the slices whose parse is
 * certain. The matcher reads only word tokens, their sentence and their paragraph from the nlcst tree;
 * parse-english decides those through its sentence rules (abbreviations, initialisms, decimals, closing
 * quotes, line breaks). A slice qualifies when it gives those rules nothing to decide:
 *
 * - every character is ASCII or one of ’ ‘ “ ” – — (no Unicode letter classes to disagree on);
 * - no white-space run holds two line breaks (the parser would break a sentence there);
 * - the only full stops, question and exclamation marks before the last word end a sentence for
 *   certain (certainBoundaries below).
 *
 * Then words are runs of ASCII letters and digits joined by single apostrophes (what tokens.ts reads
 * from the parser's word nodes), a certain boundary starts a new sentence, and one whose white space is
 * only line breaks, spaces and tabs starts a new paragraph (parse-latin's root split). Anything else
 * returns null and the caller parses. A test compares this with the parser on corpora and random text.
 */

import { isParserAbbreviation } from './abbreviations.js';
import { type ParagraphTokens, tokenAppender } from './tokens.js';
import { sureBoundaries } from './windows.js';

const ALLOWED_NON_ASCII = new Set([0x2019, 0x2018, 0x201c, 0x201d, 0x2013, 0x2014]);
/** Two line breaks in one white-space run (\r\n counts once). */
const TWO_LINE_BREAKS = /(?:\r\n|\r(?!\n)|\n)[\t\v\f ]*[\r\n]/;
/** parse-latin's `newLine`: white space that splits paragraphs at the root. */
const NEW_LINE = /^[ \t]*((\r?\n|\r)[\t ]*)+$/;

const isAsciiWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isTerminal = (c: number): boolean => c === 46 || c === 63 || c === 33;
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

export function plainParagraphs(source: string, start: number, end: number): ParagraphTokens[] | null {
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c >= 128 && !ALLOWED_NON_ASCII.has(c)) return null;
  }
  const slice = source.slice(start, end);
  if (TWO_LINE_BREAKS.test(slice)) return null;
  const cuts = certainBoundaries(source, start, end);
  const out: ParagraphTokens[] = [];
  let paragraph: ParagraphTokens | undefined;
  let sentence = 0;
  for (let k = 0; k <= cuts.length; k++) {
    const from = k === 0 ? start : (cuts[k - 1] as number);
    const to = k === cuts.length ? end : (cuts[k] as number);
    let lastWord = to - 1;
    while (lastWord >= from && !isAsciiWord(source.charCodeAt(lastWord))) lastWord--;
    for (let i = from; i < lastWord; i++) if (isTerminal(source.charCodeAt(i))) return null;
    if (k > 0 && paragraph) {
      // The cut follows "word. " (certainBoundaries): its white space starts right after the stop.
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
    appendWords(source, from, lastWord + 1, tokenAppender(paragraph, source, sentence));
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

const SENTENCE_GAP = /[.?!]\s+(?=[A-Z])/g;

/**
 * Where the parser ends a sentence for certain, as offsets of the next sentence's first letter: a
 * stop, question or exclamation mark right after a letter or digit, then white space and a capital,
 * when nothing the parser does can merge the two sentences again. Nothing merges after ? and !. After
 * a full stop, parse-english keeps the sentence going when the word node before the stop is one of its
 * abbreviations ("Dr.", "Sept.", "37.", "e."); that word node is known when white space (or the start)
 * comes before the run of letters and digits. Otherwise only windows.ts's sure boundaries count.
 */
export function certainBoundaries(source: string, start: number, end: number): number[] {
  const sure = new Set(sureBoundaries(source, start, end));
  const out: number[] = [];
  SENTENCE_GAP.lastIndex = 0;
  const slice = source.slice(start, end);
  for (let m = SENTENCE_GAP.exec(slice); m; m = SENTENCE_GAP.exec(slice)) {
    const stop = start + m.index;
    const next = stop + m[0].length;
    if (sure.has(next)) {
      out.push(next);
      continue;
    }
    let wordStart = stop;
    while (wordStart > start && isAsciiWord(source.charCodeAt(wordStart - 1))) wordStart--;
    if (wordStart === stop) continue;
    if (source.charCodeAt(stop) !== 46) {
      out.push(next);
      continue;
    }
    if (wordStart > start && !isSpace(source.charCodeAt(wordStart - 1))) continue;
    if (!isParserAbbreviation(source.slice(wordStart, stop))) out.push(next);
  }
  return out;
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
