/**
 * The diagnostics published for a document after any sequence of edits must be exactly those made
 * from a whole-document lint of that text, and the server's copies must carry the finding data in
 * document offsets. Wire diagnostics of blocks whose text and line are unchanged are reused.
 */
import { type DocumentFormat, lint, resolveConfig } from '@reframe/core';
import { loadRuleSet } from '@reframe/core/node';
import { describe, expect, it } from 'vitest';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentDiagnostics } from '../src/cache/document-diagnostics.js';
import { PieceDocument } from '../src/cache/piece-document.js';
import { blockDiagnostic, onTheWire, serverCopy } from '../src/findings.js';
import { generated, lcg, randomEdits } from './documents.js';
import { NOTE } from './helpers.js';

const ruleSet = loadRuleSet();
const config = resolveConfig({}, ruleSet);
const bundled = new Set(ruleSet.rules.keys());
const isBundled = (id: string) => bundled.has(id) && id !== 'substance/addict';

/** The server's copies as made from one whole-document lint, with ranges from the library's own offset → position conversion. */
function expected(text: string, format: DocumentFormat): LspDiagnostic[] {
  const doc = TextDocument.create('file:///note', 'plaintext', 1, text);
  return lint(text, { ruleSet, config, format }).map((f) => ({
    ...serverCopy(blockDiagnostic(f, 0, isBundled), f, 0),
    range: { start: doc.positionAt(f.range.start.offset), end: doc.positionAt(f.range.end.offset) },
  }));
}

function expectWhole(diagnostics: DocumentDiagnostics, doc: PieceDocument, format: DocumentFormat, what: string): LspDiagnostic[] {
  const { published, copies } = diagnostics.lint(doc, format, isBundled);
  const whole = expected(doc.getText(), format);
  expect(published, what).toEqual(whole.map(onTheWire));
  expect(copies(), what).toEqual(whole);
  return published;
}

/** Replace [start, end) of the document with `text`, as an editor's incremental change. */
function edit(doc: PieceDocument, start: number, end: number, text: string): PieceDocument {
  const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
  return PieceDocument.update(doc, [{ range, text }], doc.version + 1);
}

describe('document diagnostics', () => {
  it('equal a whole-document lint after 900 random edits, linted after one or two at a time', () => {
    const next = lcg(11);
    let edits = 0;
    for (const [format, start] of generated(60)) {
      const diagnostics = new DocumentDiagnostics(ruleSet, config);
      const doc = PieceDocument.create('file:///note', 'plaintext', 1, start);
      expectWhole(diagnostics, doc, format, 'first lint');
      for (const { text, at, change } of randomEdits(start, 15, next)) {
        edit(doc, change.start, change.end, change.text);
        // Now and then two edits between lints (a debounce): the linter compares texts instead.
        if (next() % 5 === 0) continue;
        expectWhole(diagnostics, doc, format, `${format} edit at ${at}: ${JSON.stringify(text)}`);
        edits++;
      }
    }
    expect(edits).toBeGreaterThan(600);
  });

  it('reuses the wire diagnostics of every block whose text and line are unchanged', () => {
    const doc = PieceDocument.create('file:///note', 'plaintext', 1, [NOTE, NOTE, NOTE].join('\n'));
    const diagnostics = new DocumentDiagnostics(ruleSet, config);
    const before = expectWhole(diagnostics, doc, 'text', 'first');
    // Typing on the first line moves every later block's offsets but none of their lines.
    const after = expectWhole(diagnostics, edit(doc, 0, 0, 'Today '), 'text', 'typed');
    expect(after.length).toBe(before.length);
    const reused = after.filter((d, i) => d === before[i]).length;
    const firstBlock = lint(NOTE.split('\n\n')[0] as string, { ruleSet, config, format: 'text' }).length;
    expect(reused).toBe(before.length - firstBlock);
    // A new line at the top moves every block down a line: nothing can be reused.
    const moved = expectWhole(diagnostics, edit(doc, 0, 0, '\n'), 'text', 'moved');
    expect(moved.filter((d, i) => d === after[i])).toEqual([]);
  });

  it('does not apply a change to another document opened under the same uri with the same versions', () => {
    const diagnostics = new DocumentDiagnostics(ruleSet, config);
    expectWhole(diagnostics, PieceDocument.create('file:///note', 'plaintext', 1, 'He is fine.\n'), 'text', 'first');
    // Closed and opened again: a new document whose version 2 follows its own version 1.
    const reopened = PieceDocument.create('file:///note', 'plaintext', 1, 'He is an addict.\n');
    expectWhole(diagnostics, edit(reopened, 0, 0, 'Today '), 'text', 'reopened and edited');
  });

  it('publishes frozen diagnostics (their encoded form is kept and sent again)', () => {
    const diagnostics = new DocumentDiagnostics(ruleSet, config);
    const { published } = diagnostics.lint(PieceDocument.create('file:///note', 'plaintext', 1, NOTE), 'text', isBundled);
    expect(published.length).toBeGreaterThan(3);
    for (const d of published) {
      expect(Object.isFrozen(d) && Object.isFrozen(d.range) && Object.isFrozen(d.range.start) && Object.isFrozen(d.data)).toBe(true);
      expect(() => {
        (d.range.start as { line: number }).line = 99;
      }).toThrow(TypeError);
    }
  });
});
