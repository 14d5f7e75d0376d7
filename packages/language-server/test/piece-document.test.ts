/**
 * PieceDocument must behave exactly like vscode-languageserver-textdocument's TextDocument: the same
 * text, line count, positions, offsets and ranges after any sequence of changes, line breaks of every
 * kind included, and it must report the single change behind a version only when there was one.
 */

import { describe, expect, it } from 'vitest';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceDocument } from '../src/cache/piece-document.js';
import { lcg } from './documents.js';

const INSERTS = ['', 'a', 'addict ', '\n', '\r\n', '\r', '\n\n', 'x\ry', 'é“”', '😀', 'one\r\ntwo\nthree'];
const TYPED = ['', 'a', 'addict ', '\n', 'é“”', '😀'];

/** Compare positions, ranges and lines first, then the text: getText() joins the pieces for good. */
function compare(piece: PieceDocument, library: TextDocument, next: () => number, what: string, join: boolean): void {
  expect(piece.lineCount, what).toBe(library.lineCount);
  expect(piece.version, what).toBe(library.version);
  for (let k = 0; k < 6; k++) {
    const offset = (next() % (library.getText().length + 3)) - 1;
    expect(piece.positionAt(offset), `${what} positionAt ${offset}`).toEqual(library.positionAt(offset));
    const position: Position = { line: (next() % (library.lineCount + 2)) - 1, character: (next() % 12) - 1 };
    expect(piece.offsetAt(position), `${what} offsetAt ${JSON.stringify(position)}`).toBe(library.offsetAt(position));
    const end: Position = { line: position.line + (next() % 3), character: next() % 20 };
    expect(piece.getText({ start: position, end }), what).toBe(library.getText({ start: position, end }));
    expect(piece.getLineRange(position.line), what).toEqual(library.getLineRange(position.line));
    expect(piece.getEOLCharacters(position.line), what).toBe(library.getEOLCharacters(position.line));
  }
  expect(piece.length, what).toBe(library.getText().length);
  expect(piece.utf8Length(), what).toBeGreaterThanOrEqual(Buffer.byteLength(library.getText(), 'utf8'));
  // The snapshot joins a copy; the document keeps its pieces.
  expect(piece.snapshot().text(), what).toBe(library.getText());
  if (join) expect(piece.getText(), what).toBe(library.getText());
}

function randomChange(library: TextDocument, next: () => number, whole: boolean): TextDocumentContentChangeEvent {
  if (whole && next() % 40 === 0) return { text: `replaced\r\n${INSERTS[next() % INSERTS.length]}` };
  const length = library.getText().length;
  // Typing-sized changes (long runs) keep many pieces; arbitrary ranges cut across them.
  const from = next() % (length + 1);
  const a = library.positionAt(from);
  const b = library.positionAt(whole ? next() % (length + 1) : from + (next() % 4));
  // Reversed ranges happen too (both documents put them in order).
  // Long runs type no \r: a \r\n made or split by an edit makes both documents recount every line.
  const inserts = whole ? INSERTS : TYPED;
  return { range: next() % 5 === 0 ? { start: b, end: a } : { start: a, end: b }, text: inserts[next() % inserts.length] as string };
}

describe('PieceDocument', () => {
  it('matches the library TextDocument after 7,000 random changes', () => {
    const next = lcg(3);
    let checked = 0;
    for (let doc = 0; doc < 40; doc++) {
      const start = ['', 'line one\nline two\r\nline three\rfour', 'He is an addict.\n\nShe claims pain.\n'][doc % 3] as string;
      const piece = PieceDocument.create('file:///a', 'plaintext', 1, start);
      const library = TextDocument.create('file:///a', 'plaintext', 1, start);
      // Reading positions before the first change builds line offsets that changes must keep right.
      if (doc % 2 === 0) compare(piece, library, next, 'opened', false);
      // Long runs without a join make hundreds of pieces, past the point where they are joined anyway.
      const long = doc % 4 === 0;
      const versions = long ? 400 : 100;
      for (let version = 2; version < versions + 2; version++) {
        const count = next() % 7 === 0 ? 2 + (next() % 3) : 1;
        const changes: TextDocumentContentChangeEvent[] = [];
        // Several changes in one notification apply in order, each to the text the previous one left.
        const scratch = TextDocument.create('file:///s', 'plaintext', 0, library.getText());
        for (let c = 0; c < count; c++) {
          const change = randomChange(scratch, next, !long);
          changes.push(change);
          TextDocument.update(scratch, [change], 0);
        }
        const before = library.getText();
        PieceDocument.update(piece, changes, version);
        TextDocument.update(library, changes, version);
        compare(piece, library, next, `document ${doc} version ${version}`, version % (long ? 200 : 50) === 0);
        checked++;
        const only = piece.changeFrom(version - 1);
        if (changes.length === 1 && 'range' in (changes[0] as object)) {
          expect(only).toBeDefined();
          const { start: s, end: e, text } = only as { start: number; end: number; text: string };
          expect(before.slice(0, s) + text + before.slice(e)).toBe(library.getText());
        } else expect(only).toBeUndefined();
        expect(piece.changeFrom(version - 2)).toBeUndefined();
      }
    }
    expect(checked).toBe(10 * 400 + 30 * 100);
    // About 5 s alone on a 2-core machine, longer next to the other test files: not a timing test.
  }, 60_000);

  it('keeps each version snapshot as it was, and joins pieces only when asked', () => {
    const piece = PieceDocument.create('file:///a', 'plaintext', 1, 'abc\ndef');
    const first = piece.snapshot();
    PieceDocument.update(piece, [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, text: 'XY' }], 2);
    const second = piece.snapshot();
    expect(second).not.toBe(first);
    expect(piece.snapshot()).toBe(second);
    PieceDocument.update(piece, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '!' }], 3);
    expect(first.text()).toBe('abc\ndef');
    expect([second.text(), second.length]).toEqual(['aXYc\ndef', 8]);
    expect(piece.getText()).toBe('aXYc\n!def');
  });
});
