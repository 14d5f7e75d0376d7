/**
 * The one block splitter: cuts a document into blocks that can each be linted on their own with the
 * same findings as the whole document. The fast path parses Markdown a group at a time with it, and
 * the language server re-lints only the blocks an edit touches.
 *
 * Blocks end at blank lines (only spaces and tabs, as CommonMark counts them), except inside what
 * runs across them:
 * - Markdown (CommonMark): fenced code, also inside list items and block quotes; the HTML blocks that
 *   only an end marker closes (<script>, <pre>, <style>, <textarea>, comments, <? ?>, <!X >, CDATA);
 *   front matter at the start. An indented line after a blank one continues the block before it (list
 *   item or indented code), and so does a `---` or `+++` line (a block of its own that starts with one
 *   would read as front matter).
 * - HTML: comments, <script>, <style> and <pre> elements and tags left open.
 * - Plain text: nothing; every blank line ends a block.
 * When unsure, the scan joins rather than cuts: a bigger block costs time, never a finding. So an
 * opening is read generously and a closing strictly.
 */
import type { DocumentFormat } from '../types.js';

export interface Block {
  /** Offset of the block's first character (always the start of a line). */
  start: number;
  /** End of the block's last line, before its line break. */
  end: number;
  /** 0-based line of the block's first line. */
  line: number;
}

interface Line {
  start: number;
  /** End of the line's content, before the line break. */
  end: number;
}

/** Only spaces and tabs: CommonMark's blank line (a line of no-break spaces is text). */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Lines as \n, \r\n and \r end them. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push({ start, end: i });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push({ start, end: text.length });
  return lines;
}

/** Columns of leading whitespace, a tab reaching the next multiple of four. */
function width(space: string): number {
  let column = 0;
  for (const c of space) column = c === '\t' ? column + 4 - (column % 4) : column + 1;
  return column;
}

// ---------------------------------------------------------------------------------------------- Markdown

/** List markers and quote marks before a line's content, where CommonMark lets a block start. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:[-+*]|\d{1,9}[.)]|>)(?=[ \t]))*[ \t]*>?[ \t]*/;
const FENCE_RUN = /^(`{3,}|~{3,})/;
/** A possible closing fence: quote marks, indentation, the fence run and nothing else. */
const FENCE_CLOSE = /^((?:[ \t]{0,3}>[ \t]?)*)([ \t]*)(`{3,}|~{3,})[ \t]*$/;
/** A front matter delimiter line (the first line of a document opens front matter). */
const DELIMITER = /^(?:\uFEFF)?(---|\+\+\+)[ \t]*$/;
/** A line that opens or closes front matter at a document's start (`---` or `+++`). */
export function isDelimiterLine(content: string): boolean {
  return DELIMITER.test(content);
}

const LINK_DEFINITION = /^[ \t]{0,3}\[[^\]\n]+\]:/;
const QUOTE_MARK = /^[ \t]{0,3}>[ \t]?/;
const LIST_MARKER = /(?:^|[ \t])(?:[-+*]|\d{1,9}[.)])[ \t]/;

/** CommonMark's HTML blocks that blank lines do not end (kinds 1 to 5): the opener and what closes it. */
const HTML_BLOCKS: ReadonlyArray<readonly [open: RegExp, close: RegExp]> = [
  [/^<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];

export interface FenceOpener {
  char: string;
  length: number;
  /** Quote marks before it. */
  quotes: number;
  /** Column of the fence run once the quote marks are taken off (list markers count as columns). */
  column: number;
  /** Neither in a list item nor indented as code: a closer may be indented 0–3 spaces. */
  topLevel: boolean;
}

/** Everything the Markdown scan reads from a line besides whether it is blank or indented. */
export interface MarkdownLine {
  /** The line could open a fence. */
  fence?: FenceOpener;
  /** The line could close a fence. */
  closer?: { char: string; length: number; quotes: number; indent: number };
  /** Index in HTML_BLOCKS of an HTML block the line opens and leaves open. */
  opensHtml?: number;
  /** Bit i set: the line holds the end marker of HTML_BLOCKS[i]. */
  htmlEnds: number;
  /** A front matter delimiter. */
  delimiter?: string;
  /** A link reference definition starts here. */
  definition: boolean;
}

/** The fence `content` could open, if any. */
export function fenceOpenerOf(content: string): FenceOpener | undefined {
  const prefix = CONTAINER_PREFIX.exec(content)?.[0] ?? '';
  const run = FENCE_RUN.exec(content.slice(prefix.length))?.[1];
  if (!run) return undefined;
  // A backtick fence's info string cannot hold a backtick; then it is inline code, not a fence.
  if (run[0] === '`' && content.slice(prefix.length + run.length).includes('`')) return undefined;
  let rest = prefix;
  let quotes = 0;
  for (let m = QUOTE_MARK.exec(rest); m; m = QUOTE_MARK.exec(rest)) {
    quotes++;
    rest = rest.slice(m[0].length);
  }
  const column = width(rest.replace(/[^ \t]/g, ' '));
  const topLevel = !LIST_MARKER.test(` ${rest}`) && column <= 3;
  return { char: run[0] ?? '`', length: run.length, quotes, column, topLevel };
}

function closerOf(content: string): MarkdownLine['closer'] {
  const close = FENCE_CLOSE.exec(content);
  const run = close?.[3];
  if (!run) return undefined;
  return { char: run[0] ?? '`', length: run.length, quotes: (close[1]?.match(/>/g) ?? []).length, indent: width(close[2] ?? '') };
}

/** Index in HTML_BLOCKS of the HTML block the line opens and leaves open, if any. */
function htmlOpenerOf(content: string): number | undefined {
  const rest = content.slice(CONTAINER_PREFIX.exec(content)?.[0].length ?? 0);
  if (rest.charCodeAt(0) !== 60) return undefined; // "<"
  const kind = HTML_BLOCKS.findIndex(([open]) => open.test(rest));
  const block = HTML_BLOCKS[kind];
  // The end marker may be on the opening line itself, after the opener.
  return block && !block[1].test(rest.replace(block[0], '')) ? kind : undefined;
}

const mayHoldFence = (content: string): boolean => content.includes('`') || content.includes('~');

export function classifyMarkdownLine(content: string): MarkdownLine {
  const line: MarkdownLine = { htmlEnds: 0, definition: LINK_DEFINITION.test(content) };
  const fence = mayHoldFence(content) ? fenceOpenerOf(content) : undefined;
  const closer = mayHoldFence(content) ? closerOf(content) : undefined;
  if (fence) line.fence = fence;
  if (closer) line.closer = closer;
  const delimiter = DELIMITER.exec(content)?.[1];
  if (delimiter) line.delimiter = delimiter;
  if (!fence) {
    const opens = htmlOpenerOf(content);
    if (opens !== undefined) line.opensHtml = opens;
  }
  HTML_BLOCKS.forEach(([, close], kind) => {
    if (close.test(content)) line.htmlEnds |= 1 << kind;
  });
  return line;
}

/** Whether `content` closes `fence` (as CommonMark reads it, or later). */
export function closesFence(fence: FenceOpener, content: string): boolean {
  const c = mayHoldFence(content) ? closerOf(content) : undefined;
  if (!c || c.char !== fence.char || c.length < fence.length || c.quotes !== fence.quotes) return false;
  // Closing early would lint code as prose; closing late only joins more.
  return fence.topLevel ? c.indent <= 3 : c.indent >= fence.column && c.indent <= fence.column + 3;
}

export interface MarkdownBlocks {
  blocks: Block[];
  /** Blocks holding link reference definitions: a block parsed alone needs them to resolve references the same way. */
  definitions: Block[];
}

export function markdownBlocks(text: string): MarkdownBlocks {
  const blocks: Block[] = [];
  const definitions: Block[] = [];
  let current: Block | undefined;
  let holdsDefinition = false;
  let fence: FenceOpener | undefined;
  let htmlKind: number | undefined;
  let frontMatter: string | undefined;
  let afterBlank = true;
  const lines = linesOf(text);
  const close = (): void => {
    if (current && holdsDefinition) definitions.push(current);
    current = undefined;
    holdsDefinition = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i] as Line;
    const inside = fence !== undefined || htmlKind !== undefined || frontMatter !== undefined;
    if (!inside && isBlank(text, start, end)) {
      afterBlank = true;
      continue;
    }
    const content = text.slice(start, end);
    // The same checks as classifyMarkdownLine (and so lineEffect), each made only where it can matter.
    if (inside) {
      if (fence) {
        if (closesFence(fence, content)) fence = undefined;
      } else if (htmlKind !== undefined) {
        if (HTML_BLOCKS[htmlKind]?.[1].test(content)) htmlKind = undefined;
      } else if (DELIMITER.exec(content)?.[1] === frontMatter) frontMatter = undefined;
      if (current) current.end = end;
      continue;
    }
    const delimiter = DELIMITER.exec(content)?.[1];
    // After a blank line: a new block, unless the line is indented (it continues the block before it)
    // or a delimiter (a block that starts with one would read as front matter).
    if (!current || (afterBlank && !/^[ \t]/.test(content) && delimiter === undefined)) {
      close();
      current = { start, end, line: i };
      blocks.push(current);
    }
    current.end = end;
    afterBlank = false;
    if (LINK_DEFINITION.test(content)) holdsDefinition = true;
    const opensFence = mayHoldFence(content) ? fenceOpenerOf(content) : undefined;
    if (i === 0 && delimiter) frontMatter = delimiter;
    else if (opensFence) fence = opensFence;
    else htmlKind = htmlOpenerOf(content);
  }
  close();
  return { blocks, definitions };
}

// -------------------------------------------------------------------------------------------------- HTML

/** Whether an HTML comment is open after `line`: comments do not nest, and a --> outside one closes nothing. */
function commentOpenAfter(line: string, open: boolean): boolean {
  let inside = open;
  let at = 0;
  for (;;) {
    const next = line.indexOf(inside ? '-->' : '<!--', at);
    if (next < 0) return inside;
    // After <!-- the search for --> starts two characters in: <!--> and <!---> are whole comments.
    at = next + (inside ? 3 : 2);
    inside = !inside;
  }
}

/** What one HTML line does to the open script, style and pre elements, and to an open tag. */
interface HtmlLineEffect {
  scripts: number;
  styles: number;
  pres: number;
  /** The line ends inside a tag ('open'), after one ('closed'), or holds neither '<' nor '>' (''). */
  tag: 'open' | 'closed' | '';
}

function htmlLineEffect(line: string): HtmlLineEffect {
  const count = (re: RegExp): number => (line.match(re) ?? []).length;
  const lt = line.lastIndexOf('<');
  const gt = line.lastIndexOf('>');
  return {
    scripts: count(/<script\b/gi) - count(/<\/script\s*>/gi),
    styles: count(/<style\b/gi) - count(/<\/style\s*>/gi),
    pres: count(/<pre\b/gi) - count(/<\/pre\s*>/gi),
    tag: lt > gt ? 'open' : gt > lt ? 'closed' : '',
  };
}

/** What an HTML block leaves open for the next line, counted line by line so long blocks stay linear. */
class HtmlState {
  private inComment = false;
  private scripts = 0;
  private styles = 0;
  private pres = 0;
  private inTag = false;

  add(line: string): void {
    if (!line.includes('<') && !line.includes('>')) return;
    this.inComment = commentOpenAfter(line, this.inComment);
    const effect = htmlLineEffect(line);
    this.scripts += effect.scripts;
    this.styles += effect.styles;
    this.pres += effect.pres;
    if (effect.tag) this.inTag = effect.tag === 'open';
  }

  get open(): boolean {
    return this.inComment || this.scripts > 0 || this.styles > 0 || this.pres > 0 || this.inTag;
  }
}

function htmlBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let state = new HtmlState();
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i] as Line;
    if (isBlank(text, start, end)) {
      if (!state.open) current = undefined;
      continue;
    }
    const content = text.slice(start, end);
    if (!current) {
      const previous = blocks[blocks.length - 1];
      // An indented line continues the block before it.
      if (previous && /^[ \t]/.test(content)) current = previous;
      else {
        current = { start, end, line: i };
        state = new HtmlState();
        blocks.push(current);
      }
    }
    state.add(content);
    current.end = end;
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------- the splitter

/**
 * Plain text: the stretches between blank lines. One pass without a line list: the fast path splits
 * whole 10 MB documents with it, so a line costs a look at its first characters and, without \r in
 * the text, one indexOf to its end.
 */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const onlyLineFeeds = !text.includes('\r');
  let current: Block | undefined;
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    let i = start;
    let c = text.charCodeAt(i);
    while (c === 32 || c === 9) c = text.charCodeAt(++i);
    const blank = i >= text.length || c === 10 || c === 13;
    let end = i;
    if (!blank) {
      if (onlyLineFeeds) {
        end = text.indexOf('\n', i);
        if (end < 0) end = text.length;
      } else while (end < text.length && (c = text.charCodeAt(end)) !== 10 && c !== 13) end++;
    }
    if (blank) current = undefined;
    else if (current) current.end = end;
    else blocks.push((current = { start, end, line }));
    // Past the line break: \r\n counts as one.
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  return blocks;
}

export function splitBlocks(text: string, format: DocumentFormat): Block[] {
  if (format === 'markdown') return markdownBlocks(text).blocks;
  if (format === 'html') return htmlBlocks(text);
  return textBlocks(text);
}

/**
 * Everything splitBlocks reads from one non-blank line besides whether it is indented, as a string:
 * an edit that leaves this the same on every line it touches, and adds or removes no line, moves no
 * block boundary elsewhere in the document. Plain text: nothing.
 */
export function lineEffect(content: string, format: DocumentFormat): string {
  if (format === 'text') return '';
  if (format === 'markdown') {
    const { definition: _ignored, ...effect } = classifyMarkdownLine(content);
    return JSON.stringify(effect);
  }
  const { scripts, styles, pres, tag } = htmlLineEffect(content);
  return [commentOpenAfter(content, false), commentOpenAfter(content, true), scripts, styles, pres, tag].join('|');
}
