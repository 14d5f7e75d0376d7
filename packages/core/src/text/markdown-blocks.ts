/**
 * Markdown blocks (CommonMark) for the one block splitter (blocks.ts): the scan follows only what it can
 * be sure of, and otherwise makes the whole document one block.
 */
import { type Block, isBlank, type Line, linesOf } from './lines.js';

/** Indentation, list markers and quote marks before a line's content. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:[-+*]|\d{1,9}[.)]|>)(?=[ \t]))*[ \t]*>?[ \t]*/;
const FENCE_RUN = /^(`{3,}|~{3,})/;
/** What closes a fence opened at column 0: up to three spaces, the run, nothing else. */
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/** Front matter: a document that opens with a delimiter line, up to the same delimiter on a later line. */
export const FRONT_MATTER = /^(?:\uFEFF)?(---|\+\+\+)[ \t]*\r?\n[\s\S]*?\r?\n\1[ \t]*(?:\r?\n|$)/;
/** A front matter delimiter line. */
const DELIMITER = /^(?:\uFEFF)?(---|\+\+\+)[ \t]*$/;
const LINK_DEFINITION = /^[ \t]{0,3}\[[^\]\n]+\]:/;
/** A line that opens, or may open, an HTML block of CommonMark's kinds 6 and 7 (they end at a blank line). */
const TAG_LINE = /^<\/?[A-Za-z]/;

/** A line that opens or closes front matter at a document's start (`---` or `+++`). */
export function isDelimiterLine(content: string): boolean {
  return DELIMITER.test(content);
}

/**
 * CommonMark's HTML blocks that blank lines do not end (kinds 1 to 5): the opener and what closes it.
 * The closing marker may stand anywhere on a line, the opening line included (`<!-->` is whole).
 */
const HTML_BLOCKS: ReadonlyArray<readonly [open: RegExp, close: RegExp]> = [
  [/^<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];

export interface Fence {
  char: string;
  length: number;
}

/** Everything the Markdown scan reads from a non-blank line besides whether it is indented. */
export interface MarkdownLine {
  /** A fence the line opens at column 0, outside any list item or quote: the only fences the scan follows. */
  fence?: Fence;
  /** The line would close a fence of this character and at most this length opened at column 0. */
  closer?: Fence;
  /** Index in HTML_BLOCKS of an HTML block the line opens at column 0 and leaves open. */
  opensHtml?: number;
  /** Bit i set: the line holds the closing marker of HTML_BLOCKS[i]. */
  htmlEnds: number;
  /** Opens, or may open, an HTML block that ends at the next blank line (kinds 6 and 7). */
  tagLine: boolean;
  /**
   * The line would open a fence or an HTML block, but in a list item, a quote or indented, where what
   * it opens and what closes it depend on the containers around it. The scan does not follow them.
   */
  unsure: boolean;
  /** A front matter delimiter. */
  delimiter?: string;
  /** A link reference definition starts here. */
  definition: boolean;
}

const mayHoldFence = (content: string): boolean => content.includes('`') || content.includes('~');

/** The fence run that `rest` (a line after its container prefix) starts with, if it can open a fence. */
function fenceRunOf(rest: string): Fence | undefined {
  const run = FENCE_RUN.exec(rest)?.[1];
  // A backtick fence's info string cannot hold a backtick; then it is inline code, not a fence.
  if (!run || (run[0] === '`' && rest.slice(run.length).includes('`'))) return undefined;
  return { char: run[0] ?? '`', length: run.length };
}

/** What a line opens, or may open (MarkdownLine without the closing markers it holds). Cheap for plain prose. */
function openingOf(content: string): MarkdownLine {
  const line: MarkdownLine = { htmlEnds: 0, tagLine: false, unsure: false, definition: false };
  if (content.includes('[')) line.definition = LINK_DEFINITION.test(content);
  const first = content.charCodeAt(0);
  if (first === 45 || first === 43 || first === 0xfeff) {
    const delimiter = DELIMITER.exec(content)?.[1];
    if (delimiter) line.delimiter = delimiter;
  }
  const fenceChars = mayHoldFence(content);
  if (!fenceChars && !content.includes('<')) return line;
  const prefix = CONTAINER_PREFIX.exec(content)?.[0] ?? '';
  const rest = content.slice(prefix.length);
  const fence = fenceChars ? fenceRunOf(rest) : undefined;
  if (fence) {
    if (prefix === '') line.fence = fence;
    else line.unsure = true;
  } else if (rest.charCodeAt(0) === 60) {
    // "<": an HTML block of kind 1 to 5 that this line leaves open, or one that ends at a blank line.
    const kind = HTML_BLOCKS.findIndex(([open]) => open.test(rest));
    if (kind >= 0 && !HTML_BLOCKS[kind]?.[1].test(content)) {
      if (prefix === '') line.opensHtml = kind;
      else line.unsure = true;
    } else if (kind < 0 && prefix === '' && TAG_LINE.test(rest)) line.tagLine = true;
  }
  return line;
}

/** Everything the scan reads from a line (lineEffect compares it before and after an edit). */
export function classifyMarkdownLine(content: string): MarkdownLine {
  const line = openingOf(content);
  HTML_BLOCKS.forEach(([, close], kind) => {
    if (close.test(content)) line.htmlEnds |= 1 << kind;
  });
  const closer = mayHoldFence(content) ? FENCE_CLOSE.exec(content)?.[1] : undefined;
  if (closer) line.closer = { char: closer[0] ?? '`', length: closer.length };
  return line;
}

/** Whether `content` closes `fence`, a fence opened at column 0. */
export function closesFence(fence: Fence, content: string): boolean {
  const closer = mayHoldFence(content) ? FENCE_CLOSE.exec(content)?.[1] : undefined;
  return closer !== undefined && closer[0] === fence.char && closer.length >= fence.length;
}

export interface MarkdownBlocks {
  blocks: Block[];
  /** Blocks holding link reference definitions: a block parsed alone needs them to resolve references the same way. */
  definitions: Block[];
  /**
   * A line opened a fence or an HTML block where the scan cannot tell, without following CommonMark's
   * containers, where it ends (see MarkdownLine.unsure): the whole document is then one block.
   */
  unsure: boolean;
}

/**
 * Markdown blocks. The scan follows only what it can be sure of: fences and HTML blocks opened at
 * column 0 outside any list item or quote, and front matter. Anything else that could open one (in a
 * list item or quote, indented, or inside an HTML block that ends at a blank line) makes the whole
 * document one block, as the reference path parses it: slower, never different.
 */
export function markdownBlocks(text: string): MarkdownBlocks {
  const blocks: Block[] = [];
  const definitions: Block[] = [];
  let current: Block | undefined;
  let holdsDefinition = false;
  let fence: Fence | undefined;
  let htmlKind: number | undefined;
  // Exactly what lint() blanks out as front matter (text/prepare.ts): one block.
  const frontMatterEnd = FRONT_MATTER.exec(text)?.[0].length ?? 0;
  let afterBlank = true;
  /** Inside a run of lines that may be an HTML block of kind 6 or 7, where a fence or HTML opener is raw HTML. */
  let tagRun = false;
  const lines = linesOf(text);
  const close = (): void => {
    if (current && holdsDefinition) definitions.push(current);
    current = undefined;
    holdsDefinition = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i] as Line;
    if (start < frontMatterEnd) {
      if (!current) blocks.push((current = { start, end, line: i }));
      current.end = end;
      afterBlank = false;
      continue;
    }
    if (fence !== undefined || htmlKind !== undefined) {
      const content = text.slice(start, end);
      if (fence) {
        if (closesFence(fence, content)) fence = undefined;
      } else if (HTML_BLOCKS[htmlKind as number]?.[1].test(content)) htmlKind = undefined;
      if (current) current.end = end;
      continue;
    }
    if (isBlank(text, start, end)) {
      afterBlank = true;
      tagRun = false;
      continue;
    }
    const content = text.slice(start, end);
    const line = openingOf(content);
    if (line.unsure || (tagRun && (line.fence !== undefined || line.opensHtml !== undefined))) return wholeDocument(text, lines);
    // After a blank line: a new block, unless the line is indented (it continues the block before it)
    // or a delimiter (a block that starts with one would read as front matter).
    if (!current || (afterBlank && !/^[ \t]/.test(content) && line.delimiter === undefined)) {
      close();
      // A first block that opens with a delimiter but is not front matter starts at the document's
      // start, so that linted alone it is not read as front matter either.
      current = !current && line.delimiter !== undefined ? { start: 0, end, line: 0 } : { start, end, line: i };
      blocks.push(current);
    }
    current.end = end;
    afterBlank = false;
    if (line.definition) holdsDefinition = true;
    if (line.tagLine) tagRun = true;
    if (line.fence) fence = line.fence;
    else if (line.opensHtml !== undefined) htmlKind = line.opensHtml;
  }
  close();
  return { blocks, definitions, unsure: false };
}

/** The whole document as one block, from its start (so that it reads as front matter only if the document does) to its last non-blank line. */
function wholeDocument(text: string, lines: Line[]): MarkdownBlocks {
  let last = lines.length - 1;
  while (last > 0 && isBlank(text, (lines[last] as Line).start, (lines[last] as Line).end)) last--;
  const block: Block = { start: 0, end: (lines[last] as Line).end, line: 0, unsure: true };
  return { blocks: [block], definitions: [], unsure: true };
}
