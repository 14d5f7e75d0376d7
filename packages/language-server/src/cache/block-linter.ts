/**
 * The block cache: one BlockLinter per open document. A document is split into blank-line-separated
 * blocks by core's block splitter (splitBlocks), each linted on its own with core's `lint`, and after an edit
 * only the blocks around the change are split and linted again. A document with range directives
 * (reframe-disable … reframe-enable, reframe-ignore-file) is linted whole, because those reach across
 * blocks. What the cache keys on and what it promises callers: see README.md in this folder.
 */
import { createHash } from 'node:crypto';
import {
  type Block,
  type CompiledRuleSet,
  type Diagnostic,
  type DocumentFormat,
  GENRE_SAMPLE,
  type GenreOfDocument,
  genreOfDocument,
  isBlank,
  isDelimiterLine,
  lineEffect,
  lint,
  type ResolvedConfig,
  splitBlocks,
} from '@reframe/core';
import { stringSource, type TextChange, type TextSource } from './piece-document.js';
import { countBreaks, type Edit, editBetween, firstWhere, lineEndFrom, lineStartBefore, wholeLines } from './text-diff.js';

/** The effects (core's lineEffect) of each of `lines` (whole lines); lines with none left out. */
function effectsOfLines(lines: string, format: DocumentFormat): string[] {
  if (format === 'text') return [];
  const none = lineEffect('', format);
  return lines
    .split(/\r\n|\r|\n/)
    .map((line) => lineEffect(line, format))
    .filter((effect) => effect !== none);
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

/** A block's diagnostics, relative to the block: offsets from `start`, lines counted from `line` (1 = `line`). */
export interface BlockDiagnostics {
  start: number;
  /** 0-based line of the block's first line; blocks start at the start of a line. */
  line: number;
  diagnostics: readonly Diagnostic[];
}

export interface LintStats {
  blocks: number;
  linted: number;
  /** The edit was applied to the previous block list (only blocks near the change were split again). */
  incremental?: boolean;
}

/** A block with its findings relative to the block (offsets from its start, lines from its line). */
interface LintedBlock extends Block {
  /** The whole Markdown document, which core's splitter could not cut with certainty: never split in part. */
  unsure: boolean;
  diagnostics: Diagnostic[];
  /** Hash of (format, text), when known: the fallback path reuses findings by it. */
  key: string | undefined;
  /** The findings shifted to where the block was last placed in the document. */
  placed: { start: number; line: number; diagnostics: Diagnostic[] } | undefined;
}

/** Every block object has the same fields in the same order: the per-edit loops over thousands stay fast. */
function lintedBlock(block: Block, diagnostics: Diagnostic[], key?: string): LintedBlock {
  return { start: block.start, end: block.end, line: block.line, unsure: block.unsure === true, diagnostics, key, placed: undefined };
}

/**
 * Characters that can open or close something spanning blank lines in Markdown or HTML (fences,
 * comments, tags, front matter, thematic breaks): an edit touching one re-splits the whole document.
 */
const MAY_SPAN_BLOCKS = /[`~<>+-]/;
const LINE_BREAK = /[\r\n]/;

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
  /** The document's genre, settled on its start as core settles it (see settleGenre). */
  private genre: GenreOfDocument | undefined;
  lastStats: LintStats = { blocks: 0, linted: 0 };

  constructor(
    private readonly ruleSet: CompiledRuleSet,
    private readonly config: ResolvedConfig,
  ) {}

  /** The genre the last lint ran under (settled on the document's start), or undefined before the first. */
  get documentGenre(): GenreOfDocument | undefined {
    return this.genre;
  }

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
   * The blocks that have findings, in order, with their findings relative to the block. A block that
   * is not linted again keeps its `diagnostics` array, wherever it moves, and no two blocks share one, so
   * callers can key work on it (the language server reuses wire diagnostics while the line is the same;
   * see README.md).
   * `change`, when given, must be the one change from the text of the previous call to this one.
   */
  lintBlocks(text: string | TextSource, format: DocumentFormat, change?: TextChange): BlockDiagnostics[] {
    const out: BlockDiagnostics[] = [];
    for (const block of this.run(text, format, change)) {
      if (block.diagnostics.length) out.push({ start: block.start, line: block.line, diagnostics: block.diagnostics });
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
    // A new genre drops every finding: lint again from nothing (the genre is settled by then).
    if (this.settleGenre(source, format, fits ? change : undefined)) return this.run(source, format, undefined);
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

  /**
   * Each block is linted alone, so the genre comes from the whole document: core reads its first
   * GENRE_SAMPLE characters. An edit beyond them cannot change it, so typing there costs no detection.
   * Findings linted under another genre are not reused: true when the genre changed.
   */
  private settleGenre(source: TextSource, format: DocumentFormat, change: TextChange | undefined): boolean {
    if (this.genre && change && change.start >= GENRE_SAMPLE) return false;
    const sample = source.slice(0, Math.min(source.length, GENRE_SAMPLE));
    const genre = genreOfDocument(sample, { ruleSet: this.ruleSet, config: this.config, format });
    if (genre.genre === this.genre?.genre && genre.source === this.genre?.source) return false;
    this.genre = genre;
    this.previous = undefined;
    return true;
  }

  private lintBlock(text: string, block: Block, format: DocumentFormat): Diagnostic[] {
    return this.lintText(text.slice(block.start, block.end), format);
  }

  /**
   * Core's findings hold slices of the text they were found in; a slice of the whole document would
   * keep that version of it alive for as long as the finding lives. So each block is linted as a copy.
   */
  private lintText(blockText: string, format: DocumentFormat): Diagnostic[] {
    return lint(detached(blockText), { ruleSet: this.ruleSet, config: this.config, format, ...(this.genre ? { genre: this.genre } : {}) });
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
      if (lineEffect(wholeLines(old, from, to), format) !== lineEffect(wholeLines(text, from, from), format)) return undefined;
    }
    // Previous texts hold no range directive (see run): one here was just typed, and needs the whole document.
    if (RANGE_DIRECTIVE.test(text)) return undefined;
    // The edited line: still non-blank, and not newly indented if it starts the block.
    const lineStart = lineStartBefore(text, from);
    const lineEnd = lineEndFrom(text, from);
    if (isBlank(text, lineStart, lineEnd)) return undefined;
    if (lineStart === 0 && /^[ \t]/.test(text)) return undefined;
    if (format === 'markdown' && isDelimiterLine(text.slice(lineStart, lineEnd))) return undefined;
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
    if (previous.blocks.length === 0 || previous.blocks.some((b) => b.unsure)) return undefined;
    const old = previous.source.text();
    const { prefix, delta } = edit;
    const oldChangeEnd = edit.oldEnd;
    if (
      format !== 'text' &&
      (MAY_SPAN_BLOCKS.test(old.slice(prefix, oldChangeEnd)) || MAY_SPAN_BLOCKS.test(text.slice(prefix, oldChangeEnd + delta)))
    )
      return undefined;
    // The lines the edit touches must do to fences, front matter, comments and tags what they did before.
    if (format !== 'text') {
      const effectsBefore = effectsOfLines(wholeLines(old, prefix, oldChangeEnd), format);
      const effectsAfter = effectsOfLines(wholeLines(text, prefix, edit.newEnd), format);
      if (effectsBefore.length !== effectsAfter.length || effectsBefore.some((e, i) => e !== effectsAfter[i])) return undefined;
    }

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
    // Where the splitter is unsure of the region, it is unsure of the whole document.
    if (fresh.some((b) => b.unsure)) return undefined;
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
