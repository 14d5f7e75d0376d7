/**
 * Windows of a large plain-text block to parse instead of the whole block. A window runs from the sure
 * sentence boundary before a candidate to the one after it (with `context` > 0, that many more sure
 * sentences on each side); only findings in the middle part (the candidate's own sentence, between the
 * nearest boundaries) are kept. Every check the matcher makes reads the match's own sentence, so the
 * own sentence is enough; rules whose exceptions read the whole paragraph ask for more context.
 *
 * A "sure" boundary is one the English parser always makes: a full stop, question or exclamation mark
 * after a lower-case word of four or more letters that is not one of the parser's abbreviations, then
 * white space, then a capital letter. Quotation marks pair from the start of the block, so the caller
 * scans them once for the whole block (a window starting mid-block would pair them differently).
 */
import type { Span } from '../text/spans.js';

/** Merged windows stop growing at this size (characters). */
const MAX_MERGED = 16 * 1024;

export interface Window {
  start: number;
  end: number;
  /** Findings are kept only when they start inside one of these. */
  keep: Span[];
}

// The parser merges "Sept. Monday", "stat. The" and the like: these are the abbreviations of 4+ letters
// in parse-english (thurs … bbls) and parse-latin (cent, ibid, stat), which compare them lower-cased.
const SURE_BOUNDARY_EXCEPTIONS = new Set(['thurs', 'tbsp', 'sept', 'tues', 'bbls', 'cent', 'ibid', 'stat']);
const isLowerAscii = (c: number): boolean => c >= 97 && c <= 122;
const isAsciiLetter = (c: number): boolean => isLowerAscii(c) || (c >= 65 && c <= 90);
const isUpperAscii = (c: number): boolean => c >= 65 && c <= 90;
/** White space as JavaScript's \s sees it. */
const isWhiteSpace = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  (c >= 128 &&
    (c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff));

/**
 * Is the word before the stop at `stop` one after which the parser always ends a sentence: four or more
 * lower-case letters after a non-letter (or the start), and none of its abbreviations?
 */
export function sureWordBefore(source: string, start: number, stop: number): boolean {
  let wordStart = stop;
  while (wordStart > start && isLowerAscii(source.charCodeAt(wordStart - 1))) wordStart--;
  if (stop - wordStart < 4) return false;
  if (wordStart > start && isAsciiLetter(source.charCodeAt(wordStart - 1))) return false;
  return !SURE_BOUNDARY_EXCEPTIONS.has(source.slice(wordStart, stop));
}

/**
 * Sure sentence boundaries in source[start, end), as offsets of the first letter of the next sentence.
 * The same as matching /(?<![A-Za-z])([a-z]{4,})[.?!]\s+(?=[A-Z])/ without the abbreviations, read
 * with one loop and no allocation per full stop (it runs over every block with a candidate).
 */
export function sureBoundaries(source: string, start: number, end: number): number[] {
  const out: number[] = [];
  for (let stop = start; stop < end; stop++) {
    const c = source.charCodeAt(stop);
    if (c !== 46 && c !== 63 && c !== 33) continue;
    let next = stop + 1;
    while (next < end && isWhiteSpace(source.charCodeAt(next))) next++;
    if (next === stop + 1 || next >= end || !isUpperAscii(source.charCodeAt(next))) continue;
    if (sureWordBefore(source, start, stop)) out.push(next);
  }
  return out;
}

/**
 * Windows around candidate offsets in the block [start, end); merged where they overlap. `context`
 * is the number of sentences parsed on each side of the candidate's own sentence (per candidate
 * when given as a function).
 */
export function planWindows(
  source: string,
  start: number,
  end: number,
  candidates: number[],
  context: (candidate: number) => number = () => 0,
): Window[] {
  if (candidates.length === 0) return [];
  const raw = candidates.every((at) => context(at) === 0)
    ? ownSentences(source, start, end, candidates)
    : withContext(source, start, end, candidates, context);
  return merge(raw);
}

/** Is `i` a sure boundary of source[start, end) (the first letter of the next sentence)? As sureBoundaries. */
function isCut(source: string, start: number, end: number, i: number): boolean {
  if (i >= end || !isUpperAscii(source.charCodeAt(i))) return false;
  let stop = i - 1;
  while (stop >= start && isWhiteSpace(source.charCodeAt(stop))) stop--;
  if (stop === i - 1 || stop < start) return false;
  const c = source.charCodeAt(stop);
  if (c !== 46 && c !== 63 && c !== 33) return false;
  return sureWordBefore(source, start, stop);
}

/**
 * Each candidate's own sentence, found by looking at the text around the candidates only (the whole
 * block need not be read). Candidates come in order, so each stretch of text is read about once: a
 * candidate before the previous one's next boundary shares its sentence.
 */
function ownSentences(source: string, start: number, end: number, candidates: number[]): Window[] {
  const raw: Window[] = [];
  let previous = -1;
  let before = start;
  let after = end;
  for (const at of candidates) {
    if (at < previous) return withContext(source, start, end, candidates, () => 0);
    if (previous < 0 || at >= after) {
      // The boundary at or before the candidate: at least the previous sentence's end, if any.
      const floor = previous < 0 ? start : after;
      before = floor;
      for (let i = at; i > floor; i--) {
        if (isCut(source, start, end, i)) {
          before = i;
          break;
        }
      }
      after = end;
      for (let i = at + 1; i < end; i++) {
        if (isCut(source, start, end, i)) {
          after = i;
          break;
        }
      }
    }
    previous = at;
    raw.push({ start: before, end: after, keep: [[before, after]] });
  }
  return raw;
}

/** Windows with `context` sentences on each side, from every sure boundary of the block. */
function withContext(source: string, start: number, end: number, candidates: number[], context: (candidate: number) => number): Window[] {
  const cuts = sureBoundaries(source, start, end);
  const raw: Window[] = [];
  for (const at of candidates) {
    // k = number of cuts at or before the candidate.
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cuts[mid] ?? 0) <= at) lo = mid + 1;
      else hi = mid;
    }
    const k = lo;
    const around = context(at);
    raw.push({
      start: cuts[k - 1 - around] ?? start,
      end: cuts[k + around] ?? end,
      keep: [[cuts[k - 1] ?? start, cuts[k] ?? end]],
    });
  }
  return raw;
}

function merge(raw: Window[]): Window[] {
  const merged: Window[] = [];
  for (const w of raw) {
    const last = merged[merged.length - 1];
    const keep = w.keep[0];
    const lastKeep = last?.keep[last.keep.length - 1];
    // Overlapping windows merge, unless that would grow one window past MAX_MERGED (dense candidates
    // with wide context would chain into one huge parse, which grows with the square of its size).
    // Windows whose own sentences overlap always merge, so no finding is kept twice.
    const mustMerge = keep && lastKeep && keep[0] < lastKeep[1];
    if (last && w.start < last.end && (mustMerge || Math.max(last.end, w.end) - last.start <= MAX_MERGED)) {
      last.end = Math.max(last.end, w.end);
      if (!keep) continue;
      if (lastKeep && keep[0] <= lastKeep[1]) lastKeep[1] = Math.max(lastKeep[1], keep[1]);
      else last.keep.push(keep);
    } else merged.push(w);
  }
  return merged;
}

export function kept(keep: Span[], offset: number): boolean {
  return keep.some(([s, e]) => s <= offset && offset < e);
}
