/**
 * An open document whose text is kept as pieces (slices of the text as opened plus the typed text) and
 * made into one string only when something asks for it. vscode-languageserver-textdocument builds
 * and flattens a new string of the whole document on every change: for a 1 MB document that is a
 * 2 MB copy per keystroke, and the garbage it leaves sets off the major collections that made the
 * slowest keystrokes slow. Here a keystroke costs a few small strings; positions and offsets follow
 * the library's TextDocument exactly (lines end at \n, \r\n or \r; a position past a line's end stops
 * before its line break), and a test compares the two on random edits.
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Pieces beyond this many are joined into one string (a copy every few hundred keystrokes). */
const MAX_PIECES = 256;

/** A document version's text: its length, any stretch of it, and the whole text made on demand. */
export interface TextSource {
  readonly length: number;
  text(): string;
  slice(start: number, end: number): string;
}

/** A string as a TextSource. */
export function stringSource(text: string): TextSource {
  return { length: text.length, text: () => text, slice: (start, end) => text.slice(start, end) };
}

/** text[start, end) where text is the pieces joined, without joining them. */
function sliceOf(pieces: readonly string[], start: number, end: number): string {
  if (end <= start) return '';
  const parts: string[] = [];
  let at = 0;
  for (const piece of pieces) {
    const pieceEnd = at + piece.length;
    if (pieceEnd > start && at < end) parts.push(piece.slice(Math.max(0, start - at), Math.min(piece.length, end - at)));
    at = pieceEnd;
    if (at >= end) break;
  }
  return parts.length === 1 ? (parts[0] as string) : parts.join('');
}

/** One change between two versions: [start, end) of the earlier text replaced by `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

const isEol = (c: number) => c === 10 || c === 13;

/** Offsets where lines start in `text` (as the library computes them), each moved by `offset`. */
function lineStarts(text: string, atLineStart: boolean, offset = 0): number[] {
  const starts = atLineStart ? [offset] : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isEol(c)) continue;
    if (c === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
    starts.push(offset + i + 1);
  }
  return starts;
}

function joined(pieces: readonly string[]): string {
  return pieces.length === 1 ? (pieces[0] as string) : pieces.join('');
}

class Snapshot implements TextSource {
  private made: string | undefined;

  constructor(
    private readonly pieces: readonly string[],
    readonly length: number,
  ) {}

  text(): string {
    this.made ??= joined(this.pieces);
    return this.made;
  }

  slice(start: number, end: number): string {
    return this.made !== undefined ? this.made.slice(start, end) : sliceOf(this.pieces, start, end);
  }
}

export class PieceDocument implements TextDocument {
  private pieces: string[];
  private size: number;
  private starts: number[] | undefined;
  private snapshotMade: Snapshot | undefined;
  /** The one change that made this version from the one before (undefined after several, or a full replace). */
  private change: { from: number; change: TextChange } | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
  ) {
    this.pieces = [content];
    this.size = content.length;
  }

  static create(uri: string, languageId: string, version: number, content: string): PieceDocument {
    return new PieceDocument(uri, languageId, version, content);
  }

  static update(document: PieceDocument, changes: TextDocumentContentChangeEvent[], version: number): PieceDocument {
    document.update(changes, version);
    return document;
  }

  get version(): number {
    return this.currentVersion;
  }

  /** Length in UTF-16 code units, without making the text. */
  get length(): number {
    return this.size;
  }

  /**
   * The text's size in UTF-8, counted piece by piece without joining them. A surrogate pair cut in two
   * by an edit counts as two replacement characters (6 bytes, not 4): never less than the real size.
   */
  utf8Length(): number {
    let bytes = 0;
    for (const piece of this.pieces) bytes += Buffer.byteLength(piece, 'utf8');
    return bytes;
  }

  get lineCount(): number {
    return this.lineOffsets().length;
  }

  /** This version's text, made into a string only if asked for; it does not change with later edits. */
  snapshot(): TextSource {
    this.snapshotMade ??= new Snapshot(this.pieces.slice(), this.size);
    return this.snapshotMade;
  }

  /** The change that made this version from version `from`, if it was exactly one change. */
  changeFrom(from: number): TextChange | undefined {
    return this.change?.from === from ? this.change.change : undefined;
  }

  getText(range?: Range): string {
    if (range) {
      // As String.prototype.substring, which the library uses: a reversed range reads the same text.
      const a = this.offsetAt(range.start);
      const b = this.offsetAt(range.end);
      return this.slice(Math.min(a, b), Math.max(a, b));
    }
    if (this.pieces.length > 1) this.pieces = [joined(this.pieces)];
    return this.pieces[0] as string;
  }

  positionAt(offset: number): Position {
    const at = Math.max(Math.min(offset, this.size), 0);
    const starts = this.lineOffsets();
    let low = 0;
    let high = starts.length;
    if (high === 0) return { line: 0, character: at };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if ((starts[mid] as number) > at) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    const lineStart = starts[line] as number;
    return { line, character: this.beforeEol(at, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    const starts = this.lineOffsets();
    if (position.line >= starts.length) return this.size;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line] as number;
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < starts.length ? (starts[position.line + 1] as number) : this.size;
    return this.beforeEol(Math.min(lineStart + position.character, next), lineStart);
  }

  getLineRange(line: number): Range {
    const starts = this.lineOffsets();
    if (line >= starts.length) {
      const last = starts.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.size - (starts[last] as number) } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const lineStart = starts[line] as number;
    const next = line + 1 < starts.length ? (starts[line + 1] as number) : this.size;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(next, lineStart) - lineStart } };
  }

  getEOLCharacters(line: number): string {
    const starts = this.lineOffsets();
    if (line >= starts.length || line < 0) return '';
    const next = line + 1 < starts.length ? (starts[line + 1] as number) : this.size;
    return this.slice(this.beforeEol(next, starts[line] as number), next);
  }

  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    const from = this.currentVersion;
    let only: TextChange | undefined;
    for (const change of changes) {
      if ('range' in change && change.range) {
        const range = wellFormed(change.range);
        const start = this.offsetAt(range.start);
        const end = this.offsetAt(range.end);
        this.replace(start, end, change.text, range);
        only = changes.length === 1 ? { start, end, text: change.text } : undefined;
      } else {
        this.pieces = [change.text];
        this.size = change.text.length;
        this.starts = undefined;
        only = undefined;
      }
    }
    this.currentVersion = version;
    this.snapshotMade = undefined;
    this.change = only ? { from, change: only } : undefined;
  }

  private replace(start: number, end: number, text: string, range: Range): void {
    const pieces: string[] = [];
    const push = (piece: string) => {
      if (piece) pieces.push(piece);
    };
    let at = 0;
    let inserted = false;
    for (const piece of this.pieces) {
      const pieceEnd = at + piece.length;
      if (at < start) push(piece.slice(0, start - at));
      if (!inserted && start <= pieceEnd) {
        push(text);
        inserted = true;
      }
      if (pieceEnd > end) push(piece.slice(Math.max(0, end - at)));
      at = pieceEnd;
    }
    this.pieces = pieces.length > MAX_PIECES ? [joined(pieces)] : pieces.length ? pieces : [''];
    this.size += text.length - (end - start);
    this.updateLineOffsets(start, end, text, range);
  }

  /** The library's line-offset update, including its fallback when an edit splits or joins a \r\n. */
  private updateLineOffsets(start: number, end: number, text: string, range: Range): void {
    const starts = this.starts;
    if (!starts) return;
    const insertedEnd = start + text.length;
    const crlf = (at: number) => this.charCodeAt(at - 1) === 13 && this.charCodeAt(at) === 10;
    if (crlf(start) || crlf(insertedEnd)) {
      this.starts = undefined;
      return;
    }
    const startLine = Math.max(range.start.line, 0);
    const endLine = Math.max(range.end.line, 0);
    const added = lineStarts(text, false, start);
    if (endLine - startLine === added.length) {
      for (let i = 0; i < added.length; i++) starts[i + startLine + 1] = added[i] as number;
    } else if (added.length < 10000) {
      starts.splice(startLine + 1, endLine - startLine, ...added);
    } else {
      this.starts = starts.slice(0, startLine + 1).concat(added, starts.slice(endLine + 1));
    }
    const diff = text.length - (end - start);
    if (diff !== 0) {
      const moved = this.starts as number[];
      for (let i = startLine + 1 + added.length; i < moved.length; i++) moved[i] = (moved[i] as number) + diff;
    }
  }

  private lineOffsets(): number[] {
    this.starts ??= lineStarts(this.getText(), true);
    return this.starts;
  }

  private beforeEol(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isEol(this.charCodeAt(at - 1))) at--;
    return at;
  }

  /** The code unit at `offset` (NaN outside the text), read from the pieces. */
  private charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.size) return Number.NaN;
    let at = 0;
    for (const piece of this.pieces) {
      if (offset < at + piece.length) return piece.charCodeAt(offset - at);
      at += piece.length;
    }
    return Number.NaN;
  }

  private slice(start: number, end: number): string {
    return sliceOf(this.pieces, start, end);
  }
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return { start: end, end: start };
  return range;
}
