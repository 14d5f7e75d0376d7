/**
 * What the fast path may know of a Markdown block without parsing it: whether CommonMark would read it
 * as plain prose (then it is linted as plain text), whether it is only fenced code (nothing to lint),
 * and whether it would cost the parser far more than its size (then it is linted as plain text).
 */
import { classifyMarkdownLine, closesFence } from './blocks.js';

export {
  MAX_BRACKETS_PER_RUN,
  MAX_CONTAINER_DEPTH,
  type MarkdownCost,
  markdownCost,
  tooCostlyForMarkdown,
} from './markdown-cost.js';

/**
 * Inline syntax of CommonMark (remark-parse without GFM): code, emphasis, links and images, autolinks
 * and HTML, escapes, entity references. "#", "|", "~", "!" and ">" mean nothing inside a line.
 */
const MARKDOWN_SYNTAX = /[`*_[\]<\\]|&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/gi;
/** CommonMark's Unicode whitespace: Zs, tab, line feed, form feed, carriage return. */
const COMMONMARK_SPACE = /[\t\n\f\r\p{Zs}]/u;
/** What may follow "<" in an autolink (a scheme's first letter) or inline HTML (tag, </, <!, <?). */
const MARKUP_AFTER_LT = /[A-Za-z/!?]/;

const isSpaceOrEdge = (ch: string | undefined): boolean => ch === undefined || COMMONMARK_SPACE.test(ch);

/** Whether group[lineStart, lineEnd) holds anything besides whitespace, "_" and "*". */
const holdsMore = (group: string, lineStart: number, lineEnd: number): boolean => /[^\s_*]/.test(group.slice(lineStart, lineEnd));

/**
 * Characters that look like Markdown but are literal text here, as common in clinical notes:
 * - a run of "_" or "*" with whitespace (or the line's edge) on both sides can neither open nor close
 *   emphasis ("the _______ digitorum", the blanks of transcribed notes), unless its line holds nothing
 *   else (a thematic break: "___", "_ _ _");
 * - "<" not followed by a letter, "/", "!" or "?" starts no autolink or HTML ("normal <4.0").
 * `lineHoldsMore` answers the thematic-break question for the line holding `at`.
 */
function isLiteral(group: string, at: number, lineHoldsMore: (at: number) => boolean): boolean {
  const ch = group.charAt(at);
  if (ch === '<') return !MARKUP_AFTER_LT.test(group.charAt(at + 1));
  if (ch !== '_' && ch !== '*') return false;
  let end = at;
  while (group.charAt(end) === ch) end++;
  if (!isSpaceOrEdge(at > 0 ? group.charAt(at - 1) : undefined) || !isSpaceOrEdge(end < group.length ? group.charAt(end) : undefined))
    return false;
  return lineHoldsMore(at);
}

/** Whether the group holds inline Markdown syntax that is not literal text (see isLiteral). */
function hasInlineSyntax(group: string): boolean {
  // Each line is looked at once however many runs it holds, so a long line of blanks stays linear.
  let lineEnd = -1;
  let more = false;
  const lineHoldsMore = (at: number): boolean => {
    if (at >= lineEnd) {
      const lineStart = Math.max(group.lastIndexOf('\n', at), group.lastIndexOf('\r', at)) + 1;
      const next = group.slice(at).search(/[\r\n]/);
      lineEnd = next < 0 ? group.length : at + next;
      more = holdsMore(group, lineStart, lineEnd);
    }
    return more;
  };
  MARKDOWN_SYNTAX.lastIndex = 0;
  for (let m = MARKDOWN_SYNTAX.exec(group); m; m = MARKDOWN_SYNTAX.exec(group)) {
    if (!isLiteral(group, m.index, lineHoldsMore)) return true;
    // Past the whole run of "_" or "*", so each run is judged once.
    let next = m.index + 1;
    while (next < group.length && group.charAt(next) === m[0] && (m[0] === '_' || m[0] === '*')) next++;
    MARKDOWN_SYNTAX.lastIndex = next;
  }
  return false;
}

/**
 * Two spaces before a line break (a hard break). Two, not "two or more": the same lines, and no
 * backtracking over a long run of spaces (` {2,}\r?\n` took 6 s on 50,000 spaces).
 */
const HARD_BREAK = / {2}\r?\n/;

/** A line that could start a block other than a paragraph: list, quote, heading, rule, setext, fence or code. */
const BLOCK_START = /^(?: {4}|\t| {0,3}(?:[-+*>#=~`]|\d+[.)]))/m;

/**
 * Would CommonMark read source[start, end) (a blank-line group) as one paragraph of plain text, with
 * nothing but words and punctuation? Then linting it as plain text gives the same words, sentences and
 * offsets as the Markdown parse, at a fraction of the cost (and with sentence windows).
 */
export function isPlainParagraph(source: string, start: number, end: number): boolean {
  const group = source.slice(start, end);
  return !hasInlineSyntax(group) && !BLOCK_START.test(group) && !HARD_BREAK.test(group);
}

const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+/;

/**
 * A group that is an ATX heading line followed by a plain paragraph ("## HISTORY\nThe patient …"):
 * CommonMark reads a heading and a paragraph, each one paragraph of words for the checks. Returns the
 * heading's text and the paragraph as two plain ranges, or undefined when either holds other syntax.
 */
export function plainHeadingAndParagraph(source: string, start: number, end: number): [[number, number], [number, number]] | undefined {
  const lineEnd = source.indexOf('\n', start);
  if (lineEnd < 0 || lineEnd >= end) return undefined;
  const marker = ATX_HEADING.exec(source.slice(start, lineEnd));
  if (!marker) return undefined;
  const headingStart = start + marker[0].length;
  const headingEnd = source.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
  if (!isPlainParagraph(source, headingStart, headingEnd) || !isPlainParagraph(source, lineEnd + 1, end)) return undefined;
  return [
    [headingStart, headingEnd],
    [lineEnd + 1, end],
  ];
}

/** A group that is exactly one fenced code block: nothing in it is linted, so it needs no parse. */
export function onlyFencedCode(source: string, start: number, end: number): boolean {
  const lines = source.slice(start, end).split(/\r\n|\r|\n/);
  // Only a fence opened at column 0 outside any container is sure to end where closesFence says.
  const fence = classifyMarkdownLine(lines[0] ?? '').fence;
  if (!fence || lines.length < 2) return false;
  const closing = lines.findIndex((line, i) => i > 0 && closesFence(fence, line));
  return closing === lines.length - 1;
}

/** A list item marker at the start of a line, then one to four spaces, then the item's text. */
const ITEM_LINE = /^ {0,3}(?:[-+*]|\d{1,9}[.)])( {1,4})(?=\S)/;

/**
 * A group in which every line is a list item of plain text ("- Denies chest pain." …): CommonMark reads
 * a tight list whose items are one-line paragraphs. Returns each item's text range, or undefined when a
 * line is anything else (a continuation, a nested list, inline syntax).
 */
export function plainListItems(source: string, start: number, end: number): Array<[number, number]> | undefined {
  const items: Array<[number, number]> = [];
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const textEnd = source.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const marker = ITEM_LINE.exec(source.slice(lineStart, textEnd));
    if (!marker) return undefined;
    const itemStart = lineStart + marker[0].length;
    if (!isPlainParagraph(source, itemStart, textEnd)) return undefined;
    items.push([itemStart, textEnd]);
    lineStart = lineEnd + 1;
  }
  return items.length > 0 ? items : undefined;
}
