/**
 * The caches' shared invariant (src/cache/README.md): what one cache hands to the next is never copied
 * or changed once made, so identity can be the cache key. After an edit elsewhere in the document, a
 * block whose text is unchanged keeps its findings array (BlockLinter), and while its line is also
 * unchanged its diagnostics are published again as the very same objects (DocumentDiagnostics); every
 * findings array and diagnostic ever handed out still serialises exactly as it did when it was handed
 * out (the wire encoder sends those bytes again). Fails if BlockLinter copies a block's findings, if
 * DocumentDiagnostics rebuilds an unchanged block's diagnostics, or if anything changes one in place.
 */
import { type DocumentFormat, resolveConfig } from '@reframe/core';
import { loadRuleSet } from '@reframe/core/node';
import { describe, expect, it } from 'vitest';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { type BlockDiagnostics, BlockLinter } from '../src/cache/block-linter.js';
import { DocumentDiagnostics } from '../src/cache/document-diagnostics.js';
import { PieceDocument } from '../src/cache/piece-document.js';

const ruleSet = loadRuleSet();
const config = resolveConfig({}, ruleSet);
const FORMAT: DocumentFormat = 'markdown';

/** Invented paragraphs, each with at least one finding; the document is them separated by blank lines. */
const PARAGRAPHS = [
  'Her brother committed suicide in 2019.',
  'He claims he is abstinent. Denies chest pain.',
  'The patient is wheelchair-bound and an addict.',
  'Another addict was seen. Urine drug screen negative.',
  'She is a diabetic and non-compliant with meds.',
  'He is a schizophrenic who refused treatment.',
  'The alcoholic was admitted again.',
  'She suffers from autism.',
];

/** In paragraph `paragraph`, `remove` characters at `at` replaced by `insert`. */
interface Splice {
  paragraph: number;
  at: number;
  remove: number;
  insert: string;
}

/**
 * Each step is linted after its splices; every path through BlockLinter is taken. A full re-split
 * reuses findings by block hash, which only blocks from an earlier full split carry, so it comes first.
 */
const STEPS: Array<{ what: string; splices: Splice[] }> = [
  { what: 'a character that may span blocks (everything re-split)', splices: [{ paragraph: 6, at: 18, remove: 0, insert: 're-' }] },
  { what: 'typing inside a line', splices: [{ paragraph: 1, at: 10, remove: 0, insert: 'today ' }] },
  { what: 'a new line (later blocks move down)', splices: [{ paragraph: 3, at: 24, remove: 0, insert: '\nThe plan was agreed.' }] },
  {
    what: 'two edits between lints (texts compared)',
    splices: [
      { paragraph: 0, at: 4, remove: 0, insert: 'older ' },
      { paragraph: 0, at: 0, remove: 0, insert: 'Today ' },
    ],
  },
  { what: 'the new line removed (later blocks move up)', splices: [{ paragraph: 3, at: 24, remove: 21, insert: '' }] },
];

/** 0-based line on which each paragraph starts. */
function startLines(paragraphs: readonly string[]): number[] {
  const starts: number[] = [];
  let line = 0;
  for (const p of paragraphs) {
    starts.push(line);
    line += p.split('\n').length + 1;
  }
  return starts;
}

function paragraphAt(paragraphs: readonly string[], line: number): number {
  const starts = startLines(paragraphs);
  return starts.findLastIndex((start) => start <= line);
}

/** Apply a splice to the paragraphs and to the open document, as an editor's incremental change. */
function apply(paragraphs: string[], doc: PieceDocument, { paragraph, at, remove, insert }: Splice): void {
  let offset = at;
  for (let i = 0; i < paragraph; i++) offset += (paragraphs[i] as string).length + 2;
  const p = paragraphs[paragraph] as string;
  paragraphs[paragraph] = p.slice(0, at) + insert + p.slice(at + remove);
  const range = { start: doc.positionAt(offset), end: doc.positionAt(offset + remove) };
  PieceDocument.update(doc, [{ range, text: insert }], doc.version + 1);
}

/** Everything handed out so far, with its JSON when it was handed out. */
class HandedOut {
  private readonly items = new Map<object, string>();

  record(object: object): void {
    if (!this.items.has(object)) this.items.set(object, JSON.stringify(object));
  }

  expectUnchanged(what: string): void {
    for (const [object, json] of this.items) expect(JSON.stringify(object), what).toBe(json);
  }

  get size(): number {
    return this.items.size;
  }
}

describe('published diagnostics', () => {
  it('are neither copied nor changed after publication: unchanged blocks keep their objects across edits elsewhere', () => {
    const paragraphs = [...PARAGRAPHS];
    const doc = PieceDocument.create('file:///note.md', 'markdown', 1, `${paragraphs.join('\n\n')}\n`);
    const diagnostics = new DocumentDiagnostics(ruleSet, config);
    const linter = new BlockLinter(ruleSet, config);
    const handedOut = new HandedOut();
    let linterVersion = doc.version;

    /** Lint the document as it is now; the diagnostics and findings arrays grouped by paragraph. */
    const lintNow = () => {
      const { published } = diagnostics.lint(doc, FORMAT, () => true);
      // Given the one change since its last lint, as DocumentDiagnostics is (none after two edits).
      const blocks = linter.lintBlocks(doc.snapshot(), FORMAT, doc.changeFrom(linterVersion));
      linterVersion = doc.version;
      for (const d of published) handedOut.record(d);
      for (const b of blocks) {
        handedOut.record(b.diagnostics);
        for (const f of b.diagnostics) handedOut.record(f);
      }
      const wires = paragraphs.map((): LspDiagnostic[] => []);
      for (const d of published) wires[paragraphAt(paragraphs, d.range.start.line)]?.push(d);
      const findings = paragraphs.map((): BlockDiagnostics | undefined => undefined);
      for (const b of blocks) findings[paragraphAt(paragraphs, b.line)] = b;
      return { wires, findings, starts: startLines(paragraphs), texts: [...paragraphs] };
    };

    let before = lintNow();
    expect(before.wires.every((w) => w.length > 0)).toBe(true);
    for (const { what, splices } of STEPS) {
      for (const splice of splices) apply(paragraphs, doc, splice);
      const after = lintNow();
      const edited = splices.map((s) => s.paragraph);
      let sameObjects = 0;
      let sameArrays = 0;
      for (let i = 0; i < paragraphs.length; i++) {
        // A block that is not linted again keeps its objects. Blocks next to an edit may be linted
        // again: a new array with equal findings costs time downstream, never a wrong diagnostic.
        if (edited.some((e) => Math.abs(e - i) <= 1) || after.texts[i] !== before.texts[i]) continue;
        expect(after.findings[i]?.diagnostics, `${what}: diagnostics of paragraph ${i}`).toBe(before.findings[i]?.diagnostics);
        sameArrays++;
        if (after.starts[i] !== before.starts[i]) continue;
        const reused = after.wires[i] as LspDiagnostic[];
        expect(reused.length, `${what}: paragraph ${i}`).toBe(before.wires[i]?.length);
        for (const [k, d] of reused.entries()) expect(d, `${what}: diagnostic ${k} of paragraph ${i}`).toBe(before.wires[i]?.[k]);
        sameObjects += reused.length;
      }
      expect(sameArrays, `${what}: blocks kept`).toBeGreaterThan(0);
      expect(sameObjects, `${what}: diagnostics reused`).toBeGreaterThan(0);
      handedOut.expectUnchanged(what);
      before = after;
    }
    expect(handedOut.size).toBeGreaterThan(50);
  });
});
