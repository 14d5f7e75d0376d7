/**
 * The line classifier and block splitter: cuts a document into blank-line-separated blocks that can
 * each be linted on their own with the findings a whole-document lint gives. Constructs that span
 * blank lines stay in one block: Markdown code fences, front matter and CommonMark's first kind of
 * HTML block (<script>, <pre>, <style>, <textarea> up to an end tag), HTML comments, HTML script,
 * style and pre elements and open tags, and indented continuations. `lineEffect` says what a line
 * does to those constructs, so that an edit can be checked for moving a block boundary elsewhere.
 * Self-contained (core's types only, no Node or LSP imports): it is meant to move into core.
 */
import type { DocumentFormat } from '@reframe/core';

export interface Block {
  /** Offset of the block's first character (always the start of a line). */
  start: number;
  end: number;
  /** 0-based line of the block's first line. */
  line: number;
}

interface Line {
  start: number;
  /** End of the line's content, before the line break. */
  end: number;
  blank: boolean;
}

export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push({ start, end: i, blank: isBlank(text, start, i) });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push({ start, end: text.length, blank: isBlank(text, start, text.length) });
  return lines;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FRONT_MATTER_LINE = /^(?:\uFEFF)?(---|\+\+\+)[ \t]*$/;

/** A line that would open or close front matter (--- or +++) at the start of a Markdown document. */
export function isFrontMatterLine(line: string): boolean {
  return FRONT_MATTER_LINE.test(line);
}

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

/**
 * A Markdown HTML block of CommonMark's first kind: it opens at a line starting with <script, <pre,
 * <style or <textarea and runs, blank lines included, to the first line holding any of their end tags.
 */
const RAW_HTML_OPEN = /^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i;
const RAW_HTML_CLOSE = /<\/(?:script|pre|style|textarea)>/i;

/** What a block leaves open for the next one, counted line by line so long blocks stay linear. */
class OpenTracker {
  private inComment = false;
  /** Markdown: inside an HTML block that only its end tag closes (see RAW_HTML_OPEN). */
  private inRawHtml = false;
  private scripts = 0;
  private styles = 0;
  private pres = 0;
  private inTag = false;

  constructor(private readonly format: DocumentFormat) {}

  /** `fenced`: a Markdown line inside a code fence, where HTML is text. */
  add(line: string, fenced = false): void {
    if (this.format === 'text' || (!line.includes('<') && !line.includes('>'))) return;
    this.inComment = commentOpenAfter(line, this.inComment);
    if (this.format === 'markdown') {
      if (this.inRawHtml) this.inRawHtml = !RAW_HTML_CLOSE.test(line);
      else if (!fenced) this.inRawHtml = RAW_HTML_OPEN.test(line) && !RAW_HTML_CLOSE.test(line);
      return;
    }
    const effect = htmlLineEffect(line);
    this.scripts += effect.scripts;
    this.styles += effect.styles;
    this.pres += effect.pres;
    if (effect.tag) this.inTag = effect.tag === 'open';
  }

  /** Markdown: an HTML comment or raw HTML block; HTML: a comment, script, style, pre or tag still open. */
  get open(): boolean {
    if (this.format === 'text') return false;
    if (this.inComment) return true;
    if (this.format === 'markdown') return this.inRawHtml;
    return this.scripts > 0 || this.styles > 0 || this.pres > 0 || this.inTag;
  }
}

const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** A ``` line that opens a fence: a backtick fence's info string may not hold a backtick. */
function fenceOpener(content: string): string | undefined {
  const f = FENCE.exec(content)?.[1];
  if (!f || (f.startsWith('`') && content.slice(content.indexOf('`')).replace(/^`+/, '').includes('`'))) return undefined;
  return f;
}

/**
 * Everything splitBlocks reads from a line besides whether it is blank or indented: the fences and
 * front matter delimiters it could open or close, and what it does to the comment, script, style, pre
 * and tag state. An edit that leaves this the same on every line it touches moves no block boundary
 * elsewhere in the document.
 */
export function lineEffect(content: string, format: DocumentFormat): string {
  if (format === 'text') return '';
  const comments = `${commentOpenAfter(content, false)} ${commentOpenAfter(content, true)}`;
  if (format === 'markdown') {
    const trimmed = content.trimEnd();
    const delimiter = trimmed === '---' || trimmed === '+++' ? trimmed : '';
    return [
      fenceOpener(content) ?? '',
      FENCE_CLOSE.exec(content)?.[1] ?? '',
      FRONT_MATTER_LINE.exec(content)?.[1] ?? '',
      delimiter,
      comments,
      RAW_HTML_OPEN.test(content) ? 'raw' : '',
      RAW_HTML_CLOSE.test(content) ? '/raw' : '',
    ].join('|');
  }
  const { scripts, styles, pres, tag } = htmlLineEffect(content);
  return [comments, scripts, styles, pres, tag].join('|');
}

/** The effects (see lineEffect) of each line of `lines` (whole lines); lines with none left out. */
export function effectsOfLines(lines: string, format: DocumentFormat): string[] {
  if (format === 'text') return [];
  const none = lineEffect('', format);
  return lines
    .split(/\r\n|\r|\n/)
    .map((line) => lineEffect(line, format))
    .filter((effect) => effect !== none);
}

/** The blocks of `text` in order, each from its first line's start to its last line's end. */
export function splitBlocks(text: string, format: DocumentFormat): Block[] {
  const lines = splitLines(text);
  const blocks: Block[] = [];
  let current: Block | undefined;
  let tracker = new OpenTracker(format);
  let fence: { char: string; length: number } | undefined;
  let frontMatter: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const content = text.slice(line.start, line.end);
    if (format === 'markdown') {
      if (i === 0) {
        const fm = FRONT_MATTER_LINE.exec(content);
        if (fm) frontMatter = fm[1];
      } else if (frontMatter && content.trimEnd() === frontMatter) frontMatter = undefined;
      if (fence) {
        const close = FENCE_CLOSE.exec(content)?.[1];
        if (close?.startsWith(fence.char) && close.length >= fence.length) fence = undefined;
      } else {
        const opener = fenceOpener(content);
        if (opener) fence = { char: opener.charAt(0), length: opener.length };
      }
    }
    const inside = fence !== undefined || frontMatter !== undefined || tracker.open;
    if (line.blank) {
      if (!inside) current = undefined;
      continue;
    }
    if (!current) {
      const previous = blocks[blocks.length - 1];
      // An indented line continues the block before it (list item, code), and a Markdown block that
      // starts with --- must not be read as front matter: both join the previous block.
      const joins = /^[ \t]/.test(content) || (format === 'markdown' && FRONT_MATTER_LINE.test(content));
      if (previous && joins) current = previous;
      else {
        current = { start: line.start, end: line.end, line: i };
        tracker = new OpenTracker(format);
        blocks.push(current);
      }
    }
    tracker.add(content, fence !== undefined);
    current.end = line.end;
  }
  return blocks;
}
