/**
 * The per-block cache must give exactly what one whole-document `lint` gives, and a one-character
 * edit must re-lint only the edited block and its neighbours. Documents: the repository's examples
 * plus invented constructs that span blank lines (code fences, list continuations, HTML comments,
 * scripts, front matter).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { type Diagnostic, type DocumentFormat, lint, resolveConfig, splitBlocks } from '@reframe/core';
import { loadRuleSet } from '@reframe/core/node';
import { describe, expect, it } from 'vitest';
import { BlockLinter } from '../src/cache/block-linter.js';
import { PieceDocument } from '../src/cache/piece-document.js';
import { generated, lcg, randomEdits } from './documents.js';

const ruleSet = loadRuleSet();
const config = resolveConfig({}, ruleSet);
const examplesDir = join(import.meta.dirname, '..', '..', '..', 'examples');

const key = (d: Diagnostic) =>
  `${d.range.start.offset}-${d.range.end.offset} ${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.actual} ${d.fix ? d.fix.range.join('-') : ''}`;

function expectSame(text: string, format: DocumentFormat): void {
  const whole = lint(text, { ruleSet, config, format }).map(key);
  const blocks = new BlockLinter(ruleSet, config).lint(text, format).map(key);
  expect(blocks).toEqual(whole);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const FORMATS: Record<string, DocumentFormat> = { '.md': 'markdown', '.txt': 'text', '.html': 'html' };

const TRICKY: Array<[DocumentFormat, string]> = [
  ['markdown', '# Note\n\n```text\nHe is an addict.\n\nShe committed suicide.\n```\n\nHe is an addict.\n'],
  ['markdown', '~~~~\nfence\n\n~~~\nstill fenced: addict\n~~~~\n\nOutside: addict.\n'],
  ['markdown', '- First item\n\n    He is an addict and\n    claims pain.\n\n- Second item: wheelchair-bound.\n'],
  ['markdown', '<!--\nHe is an addict.\n\nStill a comment: committed suicide.\n-->\n\nShe claims pain.\n'],
  // A --> outside a comment closes nothing; <!--> and <!---> are whole comments.
  ['markdown', 'Text --> addict <!-- open\n\naddict inside\n-->\n\naddict after\n'],
  ['markdown', '<!-->\nHe is an addict.\n\nAlso <!--->: addict.\n\n<!-- open\n\naddict\n-->\n\naddict\n'],
  ['html', '<p>--> addict <!-- open</p>\n\n<p>addict inside</p>\n-->\n\n<p>addict after</p>\n'],
  ['markdown', '---\ntitle: addict\n\nnotes: committed suicide\n---\n\nBody: addict.\n'],
  ['markdown', 'Intro.\n\n---\nHe is an addict.\n---\n\nEnd.\n'],
  ['markdown', '> Quote: "I am an addict."\n>\n> He claims pain.\n\nAfter.\n'],
  ['markdown', 'Para one\nclaims.\r\n\r\nPara two: addict.\r\n'],
  // CommonMark HTML blocks of type 1 run to their closing tag, blank lines included.
  ['markdown', '<script>\nHe claims pain.\n\nShe claims pain.\n</script>\n\nHe is an addict.\n'],
  ['markdown', '  <PRE class="x">\naddict\n\nclaims\n</textarea>\n\nclaims <pre>\n\naddict\n'],
  ['markdown', '<style>a{}</style>\n\nHe claims pain.\n\n<textarea>\n\naddict\n'],
  ['markdown', '```html\n<script>\n```\n\nHe claims pain.\n\nShe is an addict.\n'],
  [
    'html',
    '<p>He is an addict.</p>\n\n<script>\nvar a = "addict";\n\nvar b = "committed suicide";\n</script>\n\n<p>She claims pain.</p>\n',
  ],
  ['html', '<div\n\nclass="x">He is an addict.</div>\n\n<!-- addict\n\ncommitted suicide -->\n<pre>\nwheelchair-bound\n\nclaims\n</pre>\n'],
  ['text', 'He is an addict.\n\n\n\nShe claims\npain.\n   \nIndented: committed suicide.\n\n  continued: wheelchair-bound\n'],
  [
    'text',
    '# reframe-disable-next-line substance/addict\nHe is an addict.\n\n# reframe-disable\nclaims\n\naddict\n# reframe-enable\n\naddict again\n',
  ],
];

describe('per-block linting', () => {
  it('matches a whole-document lint on every example file', () => {
    const examples = files(examplesDir).filter((f) => FORMATS[extname(f)]);
    expect(examples.length).toBeGreaterThan(3);
    for (const file of examples) expectSame(readFileSync(file, 'utf8'), FORMATS[extname(file)] as DocumentFormat);
  });

  it('matches a whole-document lint on constructs that span blank lines', () => {
    for (const [format, text] of TRICKY) expectSame(text, format);
  });

  it('matches a whole-document lint on 300 generated documents', () => {
    for (const [format, text] of generated(300)) expectSame(text, format);
  });

  it('keeps a Markdown <script>, <pre>, <style> or <textarea> block in one block up to its end tag, but not one in a fence', () => {
    const split = (text: string) => splitBlocks(text, 'markdown').map((b) => text.slice(b.start, b.end));
    expect(split('<pre>\na\n\nb\n</pre>\n\nc\n')).toEqual(['<pre>\na\n\nb\n</pre>', 'c']);
    expect(split('```\n<pre>\n```\n\nc\n\nd\n')).toEqual(['```\n<pre>\n```', 'c', 'd']);
  });

  it('keeps a fenced code block with blank lines in one block', () => {
    const text = '# T\n\n```\na\n\nb\n```\n\nc\n';
    const blocks = splitBlocks(text, 'markdown').map((b) => text.slice(b.start, b.end));
    expect(blocks).toEqual(['# T', '```\na\n\nb\n```', 'c']);
  });

  it('re-lints only the edited block of a large document, with the same result as a full lint', () => {
    const note = readFileSync(join(examplesDir, 'notes', 'progress-note.txt'), 'utf8');
    const parts: string[] = [];
    for (let size = 0; size < 1_000_000; size += note.length + 2) parts.push(note.replace('34', String(parts.length)));
    const text = parts.join('\n\n');
    const linter = new BlockLinter(ruleSet, config);
    let t = performance.now();
    const first = linter.lint(text, 'text');
    const firstMs = performance.now() - t;
    // Identical blocks (the repeated parts of the note) are linted once.
    const distinct = new Set(splitBlocks(text, 'text').map((b) => text.slice(b.start, b.end)));
    expect(linter.lastStats.linted).toBe(distinct.size);

    const at = text.indexOf('He claims', text.length / 2);
    const edited = `${text.slice(0, at)}He says${text.slice(at + 'He claims'.length)}`;
    t = performance.now();
    const second = linter.lint(edited, 'text');
    const editMs = performance.now() - t;
    // The edited block and one neighbour on each side.
    expect(linter.lastStats.incremental).toBe(true);
    expect(linter.lastStats.linted).toBeLessThanOrEqual(3);
    expect(second.length).toBe(first.length - 1);
    expect(second.map(key)).toEqual(lint(edited, { ruleSet, config, format: 'text' }).map(key));
    console.log(
      `1 MB note (${(text.length / 1e6).toFixed(2)}M chars, ${linter.lastStats.blocks} blocks): first lint ${firstMs.toFixed(0)} ms, after a one-word edit ${editMs.toFixed(0)} ms`,
    );
  });

  it('after random edits, the incremental result always equals a whole-document lint', () => {
    let incremental = 0;
    let edits = 0;
    const next = lcg(7);
    for (const [format, start] of generated(60)) {
      const linter = new BlockLinter(ruleSet, config);
      linter.lint(start, format);
      let k = 0;
      for (const { text, at } of randomEdits(start, 15, next)) {
        const got = linter.lint(text, format).map(key);
        if (linter.lastStats.incremental) incremental++;
        edits++;
        expect(got, `${format} edit ${k++} at ${at}: ${JSON.stringify(text)}`).toEqual(lint(text, { ruleSet, config, format }).map(key));
      }
    }
    // Most edits take the incremental path; the rest (fence and tag characters) re-split everything.
    expect(incremental).toBeGreaterThan(edits / 3);
  });

  it('notices an edit that opens or closes a fence, front matter, comment or script without typing such a character', () => {
    // [format, text, offset of the edit, characters removed, text inserted]
    const cases: Array<[DocumentFormat, string, number, number, string]> = [
      ['markdown', 'Intro.\n```\ncode\n```\n\nHe is an addict.\n', 7, 0, 'x'],
      ['markdown', '```\ncode\n```\n\nHe is an addict.\n\n```\nmore\n```\n', 12, 0, 'x'],
      ['markdown', '---\ntitle: a\n---\n\nHe is an addict.\n\n---\n', 16, 0, 'x'],
      ['markdown', 'Intro.\n```\ncode\n```\n\nHe is an addict.\n', 7, 0, 'y\nx'],
      ['markdown', 'Intro.\nx```\ncode\n```\n\nHe is an addict.\n\n```\n', 7, 1, ''],
      ['html', '<p>a</p>\n<scrip>\nvar a;\n\nHe is an addict.\n</script>\n', 15, 0, 't'],
      ['html', '<script>\nvar a;\n</script>\n\n<p>He is an addict.</p>\n', 25, 0, 'x'],
      ['markdown', 'Text <!-- open\n\nHe is an addict.\n\n-->\n\nAfter: addict.\n', 9, 0, 'x'],
      // A \r and a \n pulled apart (or brought together): one line more (or less) after the edit.
      ['text', 'Para one\r\nline two\r\n\r\nHe is an addict.\r\n', 9, 0, 'x'],
      ['text', 'Para one\rxline two\r\n\r\nHe is an addict.\r\n', 9, 1, ''],
    ];
    for (const [format, start, at, removed, inserted] of cases) {
      const text = start.slice(0, at) + inserted + start.slice(at + removed);
      const want = lint(text, { ruleSet, config, format }).map(key);
      const compared = new BlockLinter(ruleSet, config);
      compared.lint(start, format);
      expect(compared.lint(text, format).map(key), `${JSON.stringify(text)} (texts compared)`).toEqual(want);
      const given = new BlockLinter(ruleSet, config);
      given.lint(start, format);
      const change = { start: at, end: at + removed, text: inserted };
      expect(given.lint(text, format, change).map(key), `${JSON.stringify(text)} (change given)`).toEqual(want);
    }
  });

  it('ignores a given change that does not lead from the previous text to this one', () => {
    const linter = new BlockLinter(ruleSet, config);
    linter.lint('He is fine.\n\nShe is well.\n', 'text');
    const text = 'He is an addict.\n\nShe is well.\n';
    // Claims one letter was typed; the text shows otherwise.
    const got = linter.lint(text, 'text', { start: 3, end: 3, text: 'x' }).map(key);
    expect(got).toEqual(lint(text, { ruleSet, config, format: 'text' }).map(key));
  });

  it('after edits that open, close or break a Markdown <pre> or <script> block, equals a whole-document lint', () => {
    const next = lcg(13);
    // Half-typed tags too, so that one letter can turn a line into an opening or closing one.
    const parts = ['<pre>', '</pre>', '<script>', '</script>', '<pr', '</pr>', '<scrip', 'He claims pain.', 'addict', '', '```', 'x'];
    const typed = ['<', 'p', '/', '>', 't', 'e', '\n', '\n\n', 'x', ' addict ', 'e>'];
    // One letter that completes a tag: the typed-in-a-line path must see the line now opens a block.
    for (const [before, at, letter] of [
      ['<pr\n\naddict\n', 3, 'e'],
      ['<pre>\n\naddict\n\n</pr>\n\naddict\n', 19, 'e'],
    ] as const) {
      const linter = new BlockLinter(ruleSet, config);
      linter.lint(before, 'markdown');
      const after = before.slice(0, at) + letter + before.slice(at);
      const whole = lint(after, { ruleSet, config, format: 'markdown' }).map(key);
      expect(linter.lint(after, 'markdown', { start: at, end: at, text: letter }).map(key), after).toEqual(whole);
    }
    for (let round = 0; round < 40; round++) {
      let text = `${Array.from({ length: 6 + (next() % 10) }, () => parts[next() % parts.length]).join('\n')}\n`;
      const compared = new BlockLinter(ruleSet, config);
      const given = new BlockLinter(ruleSet, config);
      compared.lint(text, 'markdown');
      given.lint(text, 'markdown');
      for (let k = 0; k < 20; k++) {
        const start = next() % (text.length + 1);
        const end = Math.min(text.length, start + (next() % 3 === 0 ? next() % 4 : 0));
        const inserted = next() % 4 === 0 ? '' : (typed[next() % typed.length] as string);
        text = text.slice(0, start) + inserted + text.slice(end);
        const whole = lint(text, { ruleSet, config, format: 'markdown' }).map(key);
        expect(compared.lint(text, 'markdown').map(key), JSON.stringify(text)).toEqual(whole);
        expect(given.lint(text, 'markdown', { start, end, text: inserted }).map(key), JSON.stringify(text)).toEqual(whole);
      }
    }
  });

  it('given each change and the document as pieces, gives what a whole-document lint gives', () => {
    let typed = 0;
    let edits = 0;
    const next = lcg(9);
    for (const [format, start] of generated(60)) {
      const linter = new BlockLinter(ruleSet, config);
      const doc = PieceDocument.create('file:///note', 'plaintext', 1, start);
      linter.lint(doc.snapshot(), format);
      for (const { text, change } of randomEdits(start, 15, next)) {
        const range = { start: doc.positionAt(change.start), end: doc.positionAt(change.end) };
        PieceDocument.update(doc, [{ range, text: change.text }], doc.version + 1);
        const given = doc.changeFrom(doc.version - 1);
        expect(given).toEqual(change);
        // Count the edits handled without making the whole text from the pieces.
        const snapshot = doc.snapshot();
        let made = 0;
        const source = {
          length: snapshot.length,
          text: () => {
            made++;
            return snapshot.text();
          },
          slice: (from: number, to: number) => snapshot.slice(from, to),
        };
        const got = linter.lint(source, format, given).map(key);
        if (made === 0) typed++;
        edits++;
        expect(got, `${format}: ${JSON.stringify(text)}`).toEqual(lint(text, { ruleSet, config, format }).map(key));
      }
    }
    expect(typed).toBeGreaterThan(edits / 4);
  });
});
