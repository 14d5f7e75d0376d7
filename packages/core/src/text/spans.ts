/** Spans of a paragraph that are not the writer's own running prose: quotations and URLs. */

export type Span = [number, number];

const URL_PATTERN = String.raw`\b(?:https?:\/\/|www\.)[^\s<>"')\]]+`;
const EMAIL_PATTERN = String.raw`[\w.+-]+@[\w-]+\.[\w.-]+`;
/**
 * Inside a run of address characters ("....." × 50,000) an address can only start where the run
 * starts, so the search skips the rest of the run (unanchored, it rescanned the run at every
 * position: quadratic, minutes). The one exception, right where the previous match ended
 * ("a@b.c+d@e.f"), is tried by the sticky patterns, so the spans are those of the plain pattern.
 */
const URL_OR_EMAIL = new RegExp(`${URL_PATTERN}|(?<![\\w.+-])${EMAIL_PATTERN}`, 'gi');
const URL_HERE = new RegExp(URL_PATTERN, 'iy');
const EMAIL_HERE = new RegExp(EMAIL_PATTERN, 'iy');

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

export function urlSpans(text: string, base: number): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (;;) {
    const m = (from > 0 && (matchAt(URL_HERE, text, from) ?? matchAt(EMAIL_HERE, text, from))) || matchAt(URL_OR_EMAIL, text, from);
    if (!m) return spans;
    spans.push([base + m.index, base + m.index + m[0].length]);
    from = m.index + m[0].length;
  }
}

/** What may stand before a straight double quote that opens, and after one that closes. */
const OPENS_AFTER = /[\s([{\u2014\u2013/-]/;
const CLOSES_BEFORE = /[\s.,;:!?)\]}\u2014\u2013/-]/;

const isLetter = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

export interface QuoteScan {
  spans: Span[];
  /** Offsets (absolute) of single-quote openers that are never closed. */
  strandedSingles: number[];
  /** Offset of the last single quotation character of any kind, or -1. */
  lastSingleChar: number;
}

/**
 * Quotation spans (including the marks). Straight double quotes pair in order, by the way each faces
 * (see below); curly quotes pair by shape; a single quote opens only at the start of a word and
 * closes only at the end of one, so apostrophes ("it's", "clients'") are not mistaken for quotes. Also reports what the fast path's
 * windows need: single-quote openers left open, which change pairing for everything after them.
 */
export function scanQuotes(text: string, base: number): QuoteScan {
  const spans: Span[] = [];
  const strandedSingles: number[] = [];
  let lastSingleChar = -1;
  let openDouble = -1;
  let openCurly = -1;
  let openSingle = -1;
  let openSingleChar = '';
  // Jump from quotation character to quotation character: most text has none.
  const marks = /["“”'‘’]/g;
  for (let found = marks.exec(text); found; found = marks.exec(text)) {
    const i = found.index;
    const c = found[0];
    const before = text[i - 1];
    const after = text[i + 1];
    if (c === '"') {
      // A straight mark's shape says which way it faces: an opener follows a space and leads a word,
      // a closer ends one. An inch mark ('5\'9".') faces closed with nothing open, and a quotation
      // left unclosed ('is "not good. Her mood is "low,"') shows when a mark facing open comes while
      // one is open: either would otherwise flip every pair after it, to the end of the paragraph.
      const facesOpen = (before === undefined || OPENS_AFTER.test(before)) && after !== undefined && !/\s/.test(after);
      const facesClosed = before !== undefined && !/\s/.test(before) && (after === undefined || CLOSES_BEFORE.test(after));
      if (openDouble < 0) {
        if (!(facesClosed && !facesOpen)) openDouble = i;
      } else if (facesOpen && !facesClosed) openDouble = i;
      else {
        spans.push([base + openDouble, base + i + 1]);
        openDouble = -1;
      }
    } else if (c === '“') {
      openCurly = i;
    } else if (c === '”') {
      if (openCurly >= 0) spans.push([base + openCurly, base + i + 1]);
      openCurly = -1;
    } else {
      lastSingleChar = base + i;
      const canOpen = !isLetter(before) && after !== undefined && !/\s/.test(after);
      const canClose = openSingle >= 0 && !isLetter(after) && before !== undefined && !/\s/.test(before);
      if (canClose && (openSingleChar === "'" ? c === "'" : c === '’')) {
        spans.push([base + openSingle, base + i + 1]);
        openSingle = -1;
      } else if (canOpen && c !== '’' && openSingle < 0) {
        openSingle = i;
        openSingleChar = c;
      }
    }
  }
  if (openSingle >= 0) strandedSingles.push(base + openSingle);
  return { spans: spans.sort((a, b) => a[0] - b[0]), strandedSingles, lastSingleChar };
}

/** Quotation spans of a paragraph, sorted by start. */
export function quoteSpans(text: string, base: number): Span[] {
  return scanQuotes(text, base).spans;
}

export function inside(spans: Span[], start: number, end: number): Span | undefined {
  return spans.find(([s, e]) => s <= start && end <= e);
}

/**
 * inside() for many lookups in one long list (a block's quotations): the first span, in start order,
 * that holds [start, end). Binary search, then a walk back that stops once no earlier span reaches `end`.
 */
export class SpanLookup {
  private readonly furthestEnd: number[] = [];

  constructor(private readonly spans: Span[]) {
    let furthest = -1;
    for (const [, e] of spans) this.furthestEnd.push((furthest = Math.max(furthest, e)));
  }

  holding(start: number, end: number): Span | undefined {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.spans[mid]?.[0] ?? 0) <= start) lo = mid + 1;
      else hi = mid;
    }
    let found: Span | undefined;
    for (let j = lo - 1; j >= 0 && (this.furthestEnd[j] ?? -1) >= end; j--) {
      const span = this.spans[j] as Span;
      if (span[1] >= end) found = span;
    }
    return found;
  }
}
