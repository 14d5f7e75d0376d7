/**
 * Whether a Markdown block would cost the parser (micromark, then mdast-util-to-nlcst) far more than
 * its size, and why. Such a block is linted as plain text instead, with a notice. Real prose has a
 * handful of each construct per paragraph; the parser's cost grows with the square of some of them in
 * one run of inline text, so each is capped per run, and a document made of such runs stays linear.
 * One pass over the block's characters.
 */

/**
 * Brackets that do not resolve into links: 50,000 "[(" took over 30 s, and "[a] " or "*[" repeated are
 * as bad.
 */
export const MAX_BRACKETS_PER_RUN = 256;
/**
 * Runs of "*" or "_" that may open or close emphasis: micromark matches each closer by walking back over
 * every opener before it, so "*a**" repeated 10,000 times (40 KB) took 6 to 20 s.
 */
export const MAX_EMPHASIS_RUNS_PER_RUN = 128;
/**
 * Lengths of backtick runs: an opener without a closer of its length is scanned to the end of the
 * paragraph, once per length (runs of 1, 2, 3 … backticks grow with the cube root of the square).
 */
export const MAX_CODE_LENGTHS_PER_RUN = 4;
/** "<!" and "<?" (comments, declarations, instructions): each unclosed one is scanned to the end of the paragraph. */
export const MAX_HTML_OPENERS_PER_RUN = 16;
/**
 * Quotes and lists nested thousands deep take the parser seconds before its call stack overflows
 * (3,000 "- " took 13 s); no real document nests more than a few levels.
 */
export const MAX_CONTAINER_DEPTH = 64;
/**
 * A list item indented further than this: each level of a list nested by indentation takes at least two
 * columns, so this is MAX_CONTAINER_DEPTH levels (3,000 levels, 9 MB, took over 30 s).
 */
export const MAX_LIST_INDENT = 2 * MAX_CONTAINER_DEPTH;

export type MarkdownCost = 'brackets' | 'emphasis' | 'code' | 'html' | 'nesting';

/** Why a block is read as plain text, in words for a notice (never the document's own text). */
export const MARKDOWN_COST_REASONS: Readonly<Record<MarkdownCost, string>> = {
  brackets: `more than ${MAX_BRACKETS_PER_RUN} "[" in one paragraph`,
  emphasis: `more than ${MAX_EMPHASIS_RUNS_PER_RUN} runs of "*" or "_" in one paragraph`,
  code: `backtick runs of more than ${MAX_CODE_LENGTHS_PER_RUN} lengths in one paragraph`,
  html: `more than ${MAX_HTML_OPENERS_PER_RUN} "<!" or "<?" in one paragraph`,
  nesting: `lists or quotes nested more than ${MAX_CONTAINER_DEPTH} levels deep`,
};

const isSpace = (c: number): boolean => c === 32 || c === 9;
/** Whitespace or a line's edge, as flanking rules see it (NaN: before the text or after it). */
const isSpaceOrEdge = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || Number.isNaN(c);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlphanumeric = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** How many quote marks and list markers open the line at `at`, counting no further than `limit`. */
function containerDepth(source: string, at: number, end: number, limit: number): number {
  let depth = 0;
  let i = at;
  while (i < end && depth <= limit) {
    const c = source[i];
    if (c === ' ' || c === '\t') i++;
    else if (c === '>') {
      depth++;
      i++;
    } else if ((c === '-' || c === '+' || c === '*') && (source[i + 1] === ' ' || source[i + 1] === '\t')) {
      depth++;
      i += 2;
    } else {
      let j = i;
      while (j < end && j - i < 9 && isDigit(source.charCodeAt(j))) j++;
      if (j === i || (source[j] !== '.' && source[j] !== ')') || (source[j + 1] !== ' ' && source[j + 1] !== '\t')) break;
      depth++;
      i = j + 2;
    }
  }
  return depth;
}

/** A list marker at `at`: its width ("-" 1, "12." 3), or 0. An item holds text after it (an empty item starts nothing inside a paragraph). */
interface Marker {
  width: number;
  /** "." or ")" for an ordered item, "" for a bullet. */
  delimiter: string;
  /** The ordered item's number is 1 (only such an item may start a list inside a paragraph). */
  one: boolean;
  /** Columns of space between the marker and the item's text (1 when the text is indented code). */
  gap: number;
  /** The item holds text on this line. */
  filled: boolean;
}

function markerAt(source: string, at: number, end: number): Marker | undefined {
  const c = source.charCodeAt(at);
  let width = 0;
  let delimiter = '';
  if (c === 45 || c === 43 || c === 42) width = 1;
  else {
    let j = at;
    while (j < end && j - at < 9 && isDigit(source.charCodeAt(j))) j++;
    const d = source[j];
    if (j === at || (d !== '.' && d !== ')')) return undefined;
    width = j - at + 1;
    delimiter = d;
  }
  const after = at + width;
  if (after < end && !isSpace(source.charCodeAt(after))) return undefined;
  let k = after;
  while (k < end && isSpace(source.charCodeAt(k))) k++;
  const gap = k - after;
  return {
    width,
    delimiter,
    one: delimiter !== '' && Number(source.slice(at, at + width - 1)) === 1,
    gap: gap > 4 ? 1 : gap,
    filled: k < end,
  };
}

/** An ATX heading at `at`: one to six "#", then a space, a tab or the line's end. */
function headingAt(source: string, at: number, end: number): boolean {
  let j = at;
  while (j < end && j - at < 7 && source.charCodeAt(j) === 35) j++;
  return j > at && j - at <= 6 && (j === end || isSpace(source.charCodeAt(j)));
}

/** The counts of one run of inline text (a paragraph, a heading, a list item's first paragraph). */
class Run {
  brackets = 0;
  emphasis = 0;
  html = 0;
  readonly codeLengths = new Set<number>();
  /** Quote marks before the run's first line: a line with more opens a new quote. */
  quotes = 0;
  /** The run is an ordered item's text ("." or ")"), where a later item of the list may start a new run. */
  ordered = '';
  /** Column at which that item's text starts: a sibling item is indented less. */
  contentColumn = 0;

  start(quotes: number, ordered: string, contentColumn: number): void {
    this.brackets = 0;
    this.emphasis = 0;
    this.html = 0;
    this.codeLengths.clear();
    this.quotes = quotes;
    this.ordered = ordered;
    this.contentColumn = contentColumn;
  }
}

/**
 * Whether source[start, end) would cost the Markdown parser far more than its size, and why: too many
 * brackets, emphasis runs, backtick lengths or "<!" in one run of inline text, or nesting too deep.
 *
 * A run is a paragraph as CommonMark would read it, judged from each line's start: a blank line, a
 * heading, a bullet item with text, an ordered item numbered 1, a later item of the ordered list the
 * run is in, and a deeper quote start a new run; anything else continues it (lazy continuation lines
 * included). When unsure the scan continues the run: counting too much can only send a block to plain
 * text, counting too little would let the parser run away.
 */
export function markdownCost(source: string, start: number, end: number): MarkdownCost | undefined {
  // The search for inline syntax must not run past the block: it reads a copy of the block alone.
  if (start !== 0 || end !== source.length) return markdownCost(source.slice(start, end), 0, end - start);
  const run = new Run();
  const nextSyntax = syntaxSearch(source);
  let newRun = true;
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const contentEnd = lineEnd > lineStart && source.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    if (containerDepth(source, lineStart, contentEnd, MAX_CONTAINER_DEPTH) > MAX_CONTAINER_DEPTH) return 'nesting';

    // Quote marks (each after up to three spaces, with one optional space after it), then indentation.
    let at = lineStart;
    let column = 0;
    let quotes = 0;
    for (;;) {
      let j = at;
      let c = column;
      while (j < contentEnd && j - at < 4 && isSpace(source.charCodeAt(j))) c += source.charCodeAt(j++) === 9 ? 4 - (c % 4) : 1;
      if (source.charCodeAt(j) !== 62) break; // ">"
      quotes++;
      at = j + 1;
      column = c + 1;
      if (at < contentEnd && isSpace(source.charCodeAt(at))) {
        column += source.charCodeAt(at) === 9 ? 4 - (column % 4) : 1;
        at++;
      }
    }
    const quoteColumn = column;
    while (at < contentEnd && isSpace(source.charCodeAt(at))) column += source.charCodeAt(at++) === 9 ? 4 - (column % 4) : 1;
    const indent = column - quoteColumn;

    if (at >= contentEnd)
      newRun = true; // blank, or a quote's blank line: the paragraph ends
    else {
      const marker = markerAt(source, at, contentEnd);
      if (marker && column > MAX_LIST_INDENT) return 'nesting';
      const contentColumn = marker ? column + marker.width + marker.gap : 0;
      if (newRun) run.start(quotes, marker?.delimiter ?? '', contentColumn);
      else if (quotes > run.quotes) run.start(quotes, '', 0);
      else if (indent <= 3) {
        if (marker?.filled && (marker.delimiter === '' || marker.one)) run.start(quotes, marker.delimiter, contentColumn);
        else if (marker?.filled && marker.delimiter === run.ordered && quotes === run.quotes && column < run.contentColumn)
          run.start(quotes, marker.delimiter, contentColumn);
        else if (headingAt(source, at, contentEnd)) run.start(quotes, '', 0);
        else if (!isAlphanumeric(source.charCodeAt(at)) || marker) run.ordered = ''; // may close the list
      }
      newRun = false;
      const cost = inlineCost(source, at, contentEnd, run, nextSyntax);
      if (cost) return cost;
      // A heading is a run of its own: the next line starts another.
      if (indent <= 3 && headingAt(source, at, contentEnd)) newRun = true;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** The characters that can open inline syntax the caps count. */
const INLINE_SYNTAX = /[[*_`<]/g;

/**
 * The offset of the first character of inline syntax at or after `from` (Infinity: none), for offsets
 * that only grow: a search reads on from where the last one stopped, so the text is read about once
 * (a regular expression skips prose faster than a loop over every character).
 */
function syntaxSearch(source: string): (from: number) => number {
  let found = -1;
  return (from) => {
    if (found < from) {
      INLINE_SYNTAX.lastIndex = from;
      found = INLINE_SYNTAX.exec(source)?.index ?? Number.POSITIVE_INFINITY;
    }
    return found;
  };
}

/** Count the inline syntax of source[from, to) into `run`; the cost once a count is over its cap. */
function inlineCost(source: string, from: number, to: number, run: Run, nextSyntax: (from: number) => number): MarkdownCost | undefined {
  for (let k = nextSyntax(from); k < to; k = nextSyntax(k + 1)) {
    const c = source.charCodeAt(k);
    if (c === 91) {
      if (++run.brackets > MAX_BRACKETS_PER_RUN) return 'brackets';
    } else if (c === 42 || c === 95) {
      let k2 = k + 1;
      while (k2 < to && source.charCodeAt(k2) === c) k2++;
      const before = source.charCodeAt(k - 1);
      const after = source.charCodeAt(k2);
      // With space on both sides a run neither opens nor closes; "_" inside a word cannot either.
      const inert = (isSpaceOrEdge(before) && isSpaceOrEdge(after)) || (c === 95 && isAlphanumeric(before) && isAlphanumeric(after));
      if (!inert && ++run.emphasis > MAX_EMPHASIS_RUNS_PER_RUN) return 'emphasis';
      k = k2 - 1;
    } else if (c === 96) {
      let k2 = k + 1;
      while (k2 < to && source.charCodeAt(k2) === 96) k2++;
      run.codeLengths.add(k2 - k);
      // After a backslash the run opens one shorter.
      if (source.charCodeAt(k - 1) === 92 && k2 - k > 1) run.codeLengths.add(k2 - k - 1);
      if (run.codeLengths.size > MAX_CODE_LENGTHS_PER_RUN) return 'code';
      k = k2 - 1;
    } else if (c === 60) {
      const next = source.charCodeAt(k + 1);
      if ((next === 33 || next === 63) && ++run.html > MAX_HTML_OPENERS_PER_RUN) return 'html';
    }
  }
  return undefined;
}

/** Whether source[start, end) would cost the Markdown parser far more than its size (see markdownCost). */
export function tooCostlyForMarkdown(source: string, start: number, end: number): boolean {
  return markdownCost(source, start, end) !== undefined;
}
