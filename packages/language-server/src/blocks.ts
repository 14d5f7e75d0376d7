/**
 * Incremental linting: a document is split into blank-line-separated blocks; each block is linted
 * on its own with core's `lint`, and after an edit only the blocks around the change are split and
 * linted again (see BlockLinter). Constructs that span blank lines (Markdown code fences, indented
 * continuations, HTML comments, script, style and pre elements) are kept in one block, and a document with
 * range directives (reframe-disable … reframe-enable, reframe-ignore-file) is linted whole, because
 * those reach across blocks.
 */
import { createHash } from 'node:crypto';
import { type CompiledRuleSet, type Diagnostic, type DocumentFormat, lint, type ResolvedConfig } from '@reframe/core';
import { stringSource, type TextChange, type TextSource } from './cache/piece-document.js';

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

function isBlank(text: string, start: number, end: number): boolean {
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
function lineEffect(content: string, format: DocumentFormat): string {
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

/** The effects (see lineEffect) of the lines of text[from, to), widened to whole lines; lines with none left out. */
function effectsOfLines(text: string, from: number, to: number, format: DocumentFormat): string[] {
  if (format === 'text') return [];
  const none = lineEffect('', format);
  const lines = text.slice(lineStartBefore(text, from), lineEndFrom(text, to)).split(/\r\n|\r|\n/);
  return lines.map((line) => lineEffect(line, format)).filter((effect) => effect !== none);
}

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

/** A copy of `text` that shares no memory with the string it was sliced from. */
function detached(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

/** Range directives reach across blocks; with them the document is linted whole. */
const RANGE_DIRECTIVE = /reframe-(?:disable(?!-)|enable|ignore-file)/;
/** Longer than any range directive's text. */
const DIRECTIVE_MARGIN = 40;

function hash(format: DocumentFormat, text: string): string {
  return createHash('sha256').update(format).update('\0').update(text).digest('hex');
}

function shift(d: Diagnostic, offset: number, lines: number): Diagnostic {
  const move = (p: Diagnostic['range']['start']) => ({ line: p.line + lines, column: p.column, offset: p.offset + offset });
  return {
    ...d,
    range: { start: move(d.range.start), end: move(d.range.end) },
    ...(d.fix ? { fix: { range: [d.fix.range[0] + offset, d.fix.range[1] + offset], text: d.fix.text } } : {}),
  };
}

/** A block's findings, relative to the block: offsets from `start`, lines counted from `line` (1 = `line`). */
export interface PlacedFindings {
  start: number;
  /** 0-based line of the block's first line; blocks start at the start of a line. */
  line: number;
  findings: readonly Diagnostic[];
}

export interface LintStats {
  blocks: number;
  linted: number;
  /** The edit was applied to the previous block list (only blocks near the change were split again). */
  incremental?: boolean;
}

/** A block with its findings relative to the block (offsets from its start, lines from its line). */
interface LintedBlock extends Block {
  diagnostics: Diagnostic[];
  /** Hash of (format, text), when known: the fallback path reuses findings by it. */
  key: string | undefined;
  /** The findings shifted to where the block was last placed in the document. */
  placed: { start: number; line: number; diagnostics: Diagnostic[] } | undefined;
}

/** Every block object has the same fields in the same order: the per-edit loops over thousands stay fast. */
function lintedBlock(block: Block, diagnostics: Diagnostic[], key?: string): LintedBlock {
  return { start: block.start, end: block.end, line: block.line, diagnostics, key, placed: undefined };
}

/**
 * Characters that can open or close something spanning blank lines in Markdown or HTML (fences,
 * comments, tags, front matter, thematic breaks): an edit touching one re-splits the whole document.
 */
const MAY_SPAN_BLOCKS = /[`~<>+-]/;
const LINE_BREAK = /[\r\n]/;

/** Line breaks in text[from, to), counted as splitLines counts them (\r\n is one). */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10 && i + 1 < to) i++;
    }
  }
  return n;
}

/** Start of the line holding `at` (one past the last \n or \r before it). */
function lineStartBefore(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return 0;
}

/** End of the line holding `from`: the next \n or \r (text.indexOf('\r') would read to the end of a \n-only document). */
function lineEndFrom(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** Compared a chunk at a time (native string equality), then character by character in the last chunk. */
const CHUNK = 4096;

function commonPrefix(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= shorter && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common ending of a and b, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + CHUNK <= limit && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Index of the first of the (sorted, disjoint) blocks for which `after` holds; blocks.length if none. */
function firstWhere(blocks: Block[], after: (block: Block) => boolean): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(blocks[mid] as Block)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** What changed from the previous text: a common prefix and suffix around one edited stretch. */
interface Edit {
  prefix: number;
  /** End of the edited stretch in the previous text. */
  oldEnd: number;
  /** End of the edited stretch in the new text. */
  newEnd: number;
  delta: number;
}

function editBetween(old: string, text: string): Edit {
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  return { prefix, oldEnd: old.length - suffix, newEnd: text.length - suffix, delta: text.length - old.length };
}

/**
 * One per open document. After an edit it compares the new text with the previous one, keeps the
 * blocks before and after the changed region (shifting the later ones) and splits and lints only the
 * region, one block of margin included. Edits that may open or close a construct spanning blank lines
 * fall back to splitting everything and reusing findings by block hash. Keys are hashes, never text;
 * the previous text is kept only as the document the editor already holds. Given the one change since
 * the previous call, typing inside a line is handled from the edited block alone, without making or
 * comparing the whole text. A new rule set or config needs a new instance.
 */
export class BlockLinter {
  private previous: { source: TextSource; format: DocumentFormat; blocks: LintedBlock[] } | undefined;
  lastStats: LintStats = { blocks: 0, linted: 0 };

  constructor(
    private readonly ruleSet: CompiledRuleSet,
    private readonly config: ResolvedConfig,
  ) {}

  /** Findings in document coordinates, as one whole-document `lint` gives them. */
  lint(text: string | TextSource, format: DocumentFormat, change?: TextChange): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const block of this.run(text, format, change)) {
      if (block.diagnostics.length === 0) continue;
      // Findings placed in the document are reused while the block has not moved.
      let placed = block.placed;
      if (placed?.start !== block.start || placed.line !== block.line) {
        placed = { start: block.start, line: block.line, diagnostics: block.diagnostics.map((d) => shift(d, block.start, block.line)) };
        block.placed = placed;
      }
      for (const d of placed.diagnostics) out.push(d);
    }
    return out;
  }

  /**
   * The blocks that have findings, in order, with their findings relative to the block. A block's
   * `findings` array is the same object for as long as its text is unchanged, wherever it moves, so
   * callers can key work on it (the language server reuses wire diagnostics while the line is the same).
   * `change`, when given, must be the one change from the text of the previous call to this one.
   */
  lintBlocks(text: string | TextSource, format: DocumentFormat, change?: TextChange): PlacedFindings[] {
    const out: PlacedFindings[] = [];
    for (const block of this.run(text, format, change)) {
      if (block.diagnostics.length) out.push({ start: block.start, line: block.line, findings: block.diagnostics });
    }
    return out;
  }

  private run(input: string | TextSource, format: DocumentFormat, change: TextChange | undefined): LintedBlock[] {
    const source = typeof input === 'string' ? stringSource(input) : input;
    const previous = this.previous?.format === format ? this.previous : undefined;
    // The change must lead from the previous text to this one (a length check catches a wrong base).
    const fits =
      previous !== undefined &&
      change !== undefined &&
      change.start <= change.end &&
      change.end <= previous.source.length &&
      previous.source.length - (change.end - change.start) + change.text.length === source.length;
    const typed = fits ? this.typedInBlock(previous, change, format) : undefined;
    if (typed) {
      this.previous = { source, format, blocks: typed };
      return typed;
    }
    const text = source.text();
    // The edit: the given change when it fits (typing in place was tried above), else the texts compared.
    let edit: Edit | undefined;
    if (fits)
      edit = {
        prefix: change.start,
        oldEnd: change.end,
        newEnd: change.start + change.text.length,
        delta: text.length - previous.source.length,
      };
    else if (previous) {
      edit = editBetween(previous.source.text(), text);
      const inPlace = this.typedInBlock(
        previous,
        { start: edit.prefix, end: edit.oldEnd, text: text.slice(edit.prefix, edit.newEnd) },
        format,
      );
      if (inPlace) {
        this.previous = { source, format, blocks: inPlace };
        return inPlace;
      }
    }
    // After an edit to a text without directives (or there would be no previous), only the edited
    // stretch can have brought one in; a directive is shorter than the margin around it.
    const directive = edit
      ? RANGE_DIRECTIVE.test(text.slice(Math.max(0, edit.prefix - DIRECTIVE_MARGIN), edit.newEnd + DIRECTIVE_MARGIN))
      : RANGE_DIRECTIVE.test(text);
    if (directive) {
      this.previous = undefined;
      this.lastStats = { blocks: 1, linted: 1 };
      const whole = { start: 0, end: text.length, line: 0 };
      return [lintedBlock(whole, this.lintText(text, format))];
    }
    const blocks = (previous && edit && this.afterEdit(previous, edit, text, format)) || this.everyBlock(text, format);
    this.previous = { source, format, blocks };
    return blocks;
  }

  private lintBlock(text: string, block: Block, format: DocumentFormat): Diagnostic[] {
    return this.lintText(text.slice(block.start, block.end), format);
  }

  /**
   * Core's findings hold slices of the text they were found in; a slice of the whole document would
   * keep that version of it alive for as long as the finding lives. So each block is linted as a copy.
   */
  private lintText(blockText: string, format: DocumentFormat): Diagnostic[] {
    return lint(detached(blockText), { ruleSet: this.ruleSet, config: this.config, format });
  }

  /** Split the whole text; reuse the previous findings of blocks with the same hash. */
  private everyBlock(text: string, format: DocumentFormat): LintedBlock[] {
    const known = new Map<string, Diagnostic[]>();
    if (this.previous?.format === format) for (const b of this.previous.blocks) if (b.key) known.set(b.key, b.diagnostics);
    const out: LintedBlock[] = [];
    const used = new Set<Diagnostic[]>();
    let linted = 0;
    for (const block of splitBlocks(text, format)) {
      const key = hash(format, text.slice(block.start, block.end));
      let diagnostics = known.get(key);
      if (!diagnostics) {
        diagnostics = this.lintBlock(text, block, format);
        known.set(key, diagnostics);
        linted++;
      } else if (used.has(diagnostics)) {
        // A repeated block gets its own array: callers key per-block work on it (see lintBlocks).
        diagnostics = diagnostics.slice();
      }
      used.add(diagnostics);
      out.push(lintedBlock(block, diagnostics, key));
    }
    this.lastStats = { blocks: out.length, linted };
    return out;
  }

  /**
   * The common case, typing inside a line: no line break added or removed, the edited line was and stays
   * non-blank, and a block's first line does not start to be indented (it would join the block before).
   * Then every block keeps its extent and only the one holding the edit is linted again, from its own
   * text: the rest of the document is not read.
   */
  private typedInBlock(
    previous: { source: TextSource; blocks: LintedBlock[] },
    change: TextChange,
    format: DocumentFormat,
  ): LintedBlock[] | undefined {
    const { blocks } = previous;
    const index = firstWhere(blocks, (b) => b.end >= change.end);
    const block = blocks[index];
    if (!block || block.start > change.start) return undefined;
    const old = previous.source.slice(block.start, block.end);
    const from = change.start - block.start;
    const to = change.end - block.start;
    const removed = old.slice(from, to);
    if (LINE_BREAK.test(removed) || LINE_BREAK.test(change.text)) return undefined;
    // Text put between a \r and a \n (or removed from between them) changes the number of lines.
    if (old.charCodeAt(from - 1) === 13 && old.charCodeAt(to) === 10) return undefined;
    if (format !== 'text' && (MAY_SPAN_BLOCKS.test(removed) || MAY_SPAN_BLOCKS.test(change.text))) return undefined;
    const text = old.slice(0, from) + change.text + old.slice(to);
    // The edited line must do to fences, front matter, comments and tags what it did before.
    if (format !== 'text') {
      const before = old.slice(lineStartBefore(old, from), lineEndFrom(old, to));
      if (lineEffect(before, format) !== lineEffect(text.slice(lineStartBefore(text, from), lineEndFrom(text, from)), format))
        return undefined;
    }
    // Previous texts hold no range directive (see run): one here was just typed, and needs the whole document.
    if (RANGE_DIRECTIVE.test(text)) return undefined;
    // The edited line: still non-blank, and not newly indented if it starts the block.
    const lineStart = lineStartBefore(text, from);
    const lineEnd = lineEndFrom(text, from);
    if (isBlank(text, lineStart, lineEnd)) return undefined;
    if (lineStart === 0 && /^[ \t]/.test(text)) return undefined;
    if (format === 'markdown' && FRONT_MATTER_LINE.test(text.slice(lineStart, lineEnd))) return undefined;
    const delta = change.text.length - (change.end - change.start);
    const edited: Block = { start: block.start, end: block.end + delta, line: block.line };
    const relinted = lintedBlock(edited, this.lintText(text, format));
    for (let i = index + 1; i < blocks.length; i++) {
      const b = blocks[i] as LintedBlock;
      b.start += delta;
      b.end += delta;
    }
    blocks[index] = relinted;
    this.lastStats = { blocks: blocks.length, linted: 1, incremental: true };
    return blocks;
  }

  /** The previous blocks with only the edited region split and linted again, or undefined to do it all. */
  private afterEdit(
    previous: { source: TextSource; blocks: LintedBlock[] },
    edit: Edit,
    text: string,
    format: DocumentFormat,
  ): LintedBlock[] | undefined {
    if (previous.blocks.length === 0) return undefined;
    const old = previous.source.text();
    const { prefix, delta } = edit;
    const oldChangeEnd = edit.oldEnd;
    if (
      format !== 'text' &&
      (MAY_SPAN_BLOCKS.test(old.slice(prefix, oldChangeEnd)) || MAY_SPAN_BLOCKS.test(text.slice(prefix, oldChangeEnd + delta)))
    )
      return undefined;
    // The lines the edit touches must do to fences, front matter, comments and tags what they did before.
    const effectsBefore = effectsOfLines(old, prefix, oldChangeEnd, format);
    const effectsAfter = effectsOfLines(text, prefix, edit.newEnd, format);
    if (effectsBefore.length !== effectsAfter.length || effectsBefore.some((e, i) => e !== effectsAfter[i])) return undefined;

    const blocks = previous.blocks;
    // Keep blocks[0, first) and blocks[last, …); one block of margin on each side of the change.
    const first = Math.max(0, firstWhere(blocks, (b) => b.end >= prefix) - 1);
    const last = Math.min(blocks.length, firstWhere(blocks, (b) => b.start > oldChangeEnd) + 1);
    const before = blocks[first - 1];
    const after = blocks[last];
    const regionStart = before ? before.end : 0;
    const regionEnd = after ? after.start + delta : text.length;
    if (regionEnd < regionStart) return undefined;
    const region = text.slice(regionStart, regionEnd);
    const regionLine = before ? before.line + countBreaks(old, before.start, before.end) + countBreaks(text, before.end, regionStart) : 0;
    const fresh = splitBlocks(region, format);
    // The region's first line must start a block of its own (an indented line or a Markdown ---
    // would join the kept block before it).
    const firstFresh = fresh[0];
    if (before && firstFresh && /^(?:[ \t]|---|\+\+\+)/.test(region.slice(firstFresh.start, firstFresh.end))) return undefined;

    const relinted: LintedBlock[] = fresh.map((b) => {
      const block: Block = { start: b.start + regionStart, end: b.end + regionStart, line: b.line + regionLine };
      return lintedBlock(block, this.lintBlock(text, block, format));
    });
    const lineDelta =
      countBreaks(text, regionStart, regionEnd) -
      (after ? countBreaks(old, regionStart, after.start) : countBreaks(old, regionStart, old.length));
    // The previous list is this instance's own: shift the later blocks in place and swap the region.
    for (let i = last; i < blocks.length; i++) {
      const b = blocks[i] as LintedBlock;
      b.start += delta;
      b.end += delta;
      b.line += lineDelta;
    }
    const out = blocks.slice(0, first).concat(relinted, blocks.slice(last));
    this.lastStats = { blocks: out.length, linted: fresh.length, incremental: true };
    return out;
  }
}
