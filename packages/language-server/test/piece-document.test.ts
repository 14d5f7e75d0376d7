/**
 * PieceDocument must behave exactly like vscode-languageserver-textdocument's TextDocument: the same
 * text, line count, positions, offsets and ranges after any sequence of changes, line breaks of every
 * kind included, and it must report the single change behind a version only when there was one.
 */

import { describe, expect, it } from 'vitest';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceDocument } from '../src/piece-document.js';
import { lcg } from './documents.js';

const INSERTS = ['', 'a', 'addict ', '\n', '\r\n', '\r', '\n\n', 'x\ry', 'é“”', '😀', 'one\r\ntwo\nthree'];

function compare(piece: PieceDocument, library: TextDocument, next: () => number, what: string): void {
  expect(piece.getText(), what).toBe(library.getText());
  expect(piece.length, what).toBe(library.getText().length);
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
}

function randomChange(library: TextDocument, next: () => number): TextDocumentContentChangeEvent {
  if (next() % 40 === 0) return { text: `replaced\r\n${INSERTS[next() % INSERTS.length]}` };
  const length = library.getText().length;
  const a = library.positionAt(next() % (length + 1));
  const b = library.positionAt(next() % (length + 1));
  // Reversed ranges happen too (both documents put them in order).
  return { range: next() % 5 === 0 ? { start: b, end: a } : { start: a, end: b }, text: INSERTS[next() % INSERTS.length] as string };
}

describe('PieceDocument', () => {
  it('matches the library TextDocument after 4,000 random changes', () => {
    const next = lcg(3);
    let checked = 0;
    for (let doc = 0; doc < 40; doc++) {
      const start = ['', 'line one\nline two\r\nline three\rfour', 'He is an addict.\n\nShe claims pain.\n'][doc % 3] as string;
      const piece = PieceDocument.create('file:///a', 'plaintext', 1, start);
      const library = TextDocument.create('file:///a', 'plaintext', 1, start);
      // Reading positions before the first change builds line offsets that changes must keep right.
      if (doc % 2 === 0) compare(piece, library, next, 'opened');
      for (let version = 2; version < 102; version++) {
        const count = next() % 7 === 0 ? 2 + (next() % 3) : 1;
        const changes: TextDocumentContentChangeEvent[] = [];
        // Several changes in one notification apply in order, each to the text the previous one left.
        const scratch = TextDocument.create('file:///s', 'plaintext', 0, library.getText());
        for (let c = 0; c < count; c++) {
          const change = randomChange(scratch, next);
          changes.push(change);
          TextDocument.update(scratch, [change], 0);
        }
        const before = library.getText();
        PieceDocument.update(piece, changes, version);
        TextDocument.update(library, changes, version);
        compare(piece, library, next, `document ${doc} version ${version}`);
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
    expect(checked).toBe(4000);
  });

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
