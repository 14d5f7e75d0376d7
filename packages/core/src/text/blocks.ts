/**
 * The one block splitter: cuts a document into blocks that can each be linted on their own with the
 * same findings as the whole document. The fast path parses Markdown a block at a time with it, and
 * the language server re-lints only the blocks an edit touches.
 *
 * Blocks end at blank lines (only spaces and tabs, as CommonMark counts them), except inside what
 * runs across them:
 * - Markdown (CommonMark): fenced code and the HTML blocks that only a closing marker ends (<script>,
 *   <pre>, <style>, <textarea>, comments, <? ?>, <!X >, CDATA), opened at column 0; front matter at the
 *   start. An indented line after a blank one continues the block before it (a list item or indented
 *   code), and so does a `---` or `+++` line (a block of its own that starts with one would read as
 *   front matter). Where a fence or such an HTML block opens inside a list item or quote, indented, or
 *   inside an HTML block that ends at a blank line, where it ends depends on containers the scan does
 *   not follow: the whole document is then one block (slower, never different).
 * - HTML: comments, <script>, <style> and <pre> elements and tags left open.
 * - Plain text: nothing; every blank line ends a block.
 */
import type { DocumentFormat } from '../types.js';
import { commentOpenAfter, htmlBlocks, htmlLineEffect } from './html-blocks.js';
import type { Block } from './lines.js';
import { classifyMarkdownLine, markdownBlocks } from './markdown-blocks.js';

export { type Block, isBlank } from './lines.js';
export {
  classifyMarkdownLine,
  closesFence,
  FRONT_MATTER,
  isDelimiterLine,
  type MarkdownBlocks,
  markdownBlocks,
} from './markdown-blocks.js';

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
    else {
      // Not blocks.push((current = {…})): Node 20's optimising compiler made that loop quadratic
      // once it was hot (a 1 MB file from the fourth call on took 350 ms instead of 3 ms; 10 MB, minutes).
      current = { start, end, line };
      blocks[blocks.length] = current;
    }
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
