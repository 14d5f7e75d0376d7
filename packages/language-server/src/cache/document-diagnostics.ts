/**
 * One open document's diagnostics: BlockLinter's findings per block, made into wire diagnostics that
 * are reused while a block keeps its findings array and its line. BlockLinter keeps a block's array
 * while the block is not linted again, and a block's wire diagnostics depend only on its findings
 * and its line, so typing rebuilds only the edited block's diagnostics (the keys and why they are
 * safe: README.md). The server's copies, with each finding's data in document offsets, are made only
 * when asked for (code actions, hover, fix-all).
 */
import type { CompiledRuleSet, Diagnostic, DocumentFormat, GenreOfDocument, ResolvedConfig } from '@reframe/core';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { blockDiagnostic, type FindingDiagnostic, serverCopy } from '../findings.js';
import { BlockLinter } from './block-linter.js';
import type { PieceDocument } from './piece-document.js';

/** Wire diagnostics made for one block's findings while the block starts on `line`. */
interface BlockWires {
  line: number;
  wires: LspDiagnostic[];
}

export interface DocumentResult {
  /** What the client is sent. */
  published: LspDiagnostic[];
  /** The server's copies of `published`, in the same order, with each finding's data. */
  copies: () => FindingDiagnostic[];
  /** The genre the document was linted under, and how it was settled. */
  genre: GenreOfDocument;
}

export class DocumentDiagnostics {
  private readonly linter: BlockLinter;
  private readonly wires = new WeakMap<readonly Diagnostic[], BlockWires>();
  /** The document and version last linted, while the linter's state matches them. */
  private linted: { doc: PieceDocument; version: number } | undefined;

  constructor(ruleSet: CompiledRuleSet, config: ResolvedConfig) {
    this.linter = new BlockLinter(ruleSet, config);
  }

  lint(doc: PieceDocument, format: DocumentFormat, isBundled: (ruleId: string) => boolean): DocumentResult {
    // The one change since the version last linted lets the linter read only the edited block.
    // A document closed and opened again under the same uri is a new object whose versions start over.
    const change = this.linted?.doc === doc ? doc.changeFrom(this.linted.version) : undefined;
    this.linted = undefined;
    const blocks = this.linter.lintBlocks(doc.snapshot(), format, change);
    this.linted = { doc, version: doc.version };
    const published: LspDiagnostic[] = [];
    const made: BlockWires[] = [];
    for (const block of blocks) {
      let known = this.wires.get(block.diagnostics);
      if (known?.line !== block.line) {
        known = { line: block.line, wires: block.diagnostics.map((f) => blockDiagnostic(f, block.line, isBundled)) };
        this.wires.set(block.diagnostics, known);
      }
      made.push(known);
      for (const w of known.wires) published.push(w);
    }
    const copies = () =>
      blocks.flatMap((block, i) =>
        (made[i] as BlockWires).wires.map((w, k) => serverCopy(w, block.diagnostics[k] as Diagnostic, block.start)),
      );
    return { published, copies, genre: this.linter.documentGenre ?? { genre: null, source: 'detected' } };
  }
}
