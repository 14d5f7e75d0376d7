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
import { DocumentDiagnostics } from '../src/document-diagnostics.js';
import { onTheWire, toLspDiagnostic } from '../src/findings.js';
import { generated, lcg, randomEdits } from './documents.js';
import { NOTE } from './helpers.js';

const ruleSet = loadRuleSet();
const config = resolveConfig({}, ruleSet);
const bundled = new Set(ruleSet.rules.keys());
const isBundled = (id: string) => bundled.has(id) && id !== 'substance/addict';

/** The server's copies as made from one whole-document lint. */
function expected(text: string, format: DocumentFormat): LspDiagnostic[] {
  const doc = TextDocument.create('file:///note', 'plaintext', 1, text);
  return lint(text, { ruleSet, config, format }).map((f) => toLspDiagnostic(f, doc, isBundled));
}

function expectWhole(diagnostics: DocumentDiagnostics, text: string, format: DocumentFormat, what: string): LspDiagnostic[] {
  const { published, copies } = diagnostics.lint(text, format, isBundled);
  const whole = expected(text, format);
  expect(published, what).toEqual(whole.map(onTheWire));
  expect(copies(), what).toEqual(whole);
  return published;
}

describe('document diagnostics', () => {
  it('equal a whole-document lint after every one of 900 random edits', () => {
    const next = lcg(11);
    let edits = 0;
    for (const [format, start] of generated(60)) {
      const diagnostics = new DocumentDiagnostics(ruleSet, config);
      expectWhole(diagnostics, start, format, 'first lint');
      for (const { text, at } of randomEdits(start, 15, next)) {
        expectWhole(diagnostics, text, format, `${format} edit at ${at}: ${JSON.stringify(text)}`);
        edits++;
      }
    }
    expect(edits).toBe(900);
  });

  it('reuses the wire diagnostics of every block whose text and line are unchanged', () => {
    const text = [NOTE, NOTE, NOTE].join('\n');
    const diagnostics = new DocumentDiagnostics(ruleSet, config);
    const before = expectWhole(diagnostics, text, 'text', 'first');
    // Typing on the first line moves every later block's offsets but none of their lines.
    const typed = `Today ${text}`;
    const after = expectWhole(diagnostics, typed, 'text', 'typed');
    expect(after.length).toBe(before.length);
    const reused = after.filter((d, i) => d === before[i]).length;
    const firstBlock = lint(NOTE.split('\n\n')[0] as string, { ruleSet, config, format: 'text' }).length;
    expect(reused).toBe(before.length - firstBlock);
    // A new line at the top moves every block down a line: nothing can be reused.
    const moved = expectWhole(diagnostics, `\n${typed}`, 'text', 'moved');
    expect(moved.filter((d, i) => d === after[i])).toEqual([]);
  });
});
