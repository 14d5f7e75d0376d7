/**
 * Hostile documents in the language server: one document never blocks the others for more than a
 * moment. The block cache must open a hostile Markdown or HTML document, and take a keystroke in it,
 * in at most linear time (4× the input, at most 5× the time); the real server must answer a megabyte
 * of it within seconds, answer a small document opened next to it, and log (without the document's
 * text) which lines it read as plain text.
 */
import type { DocumentFormat } from '@reframe/core';
import { resolveConfig } from '@reframe/core';
import { loadRuleSet } from '@reframe/core/node';
import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENT_ATTACKS, emphasisPile, FLAGGED, nestedListsByIndentation } from '../../core/test/adversarial/documents.js';
import { describeGrowth, growth, MAX_GROWTH } from '../../core/test/adversarial/growth.js';
import { steadyGrowth } from '../../core/test/adversarial/steady-growth.js';
import { BlockLinter } from '../src/cache/block-linter.js';
import { type Workspace, workspace } from './helpers.js';
import { LspClient } from './lsp-client.js';

const ruleSet = loadRuleSet();
const config = resolveConfig({}, ruleSet);
/** The inputs and the Markdown and HTML shapes the block splitter reads line by line (core's tests take the rest). */
const IN_THE_SERVER = new Set([
  'emphasis pile',
  'unclosed comments',
  'a pile of "<"',
  'unclosed scripts',
  'lists nested by indentation',
  'spaces after a sentence',
  'quote marks in a fence closer',
]);
const ATTACKS = DOCUMENT_ATTACKS.filter((a) => IN_THE_SERVER.has(a.name));

/** A document with ordinary paragraphs around the hostile one, and where a keystroke lands in each. */
function document(build: (size: number) => string, size: number) {
  const before = `# Notes\n\n${FLAGGED}\n\n`;
  const text = `${before}${build(size)}\n\n${FLAGGED}\n`;
  return { text, inHostile: before.length, inOrdinary: text.length - 2 };
}

describe('the block cache on hostile documents', { timeout: 120_000 }, () => {
  it.each(ATTACKS.map((a) => [a.name, a] as const))('%s: opening costs linear time', async (_, attack) => {
    const open = (text: string) => new BlockLinter(ruleSet, config).lint(text, attack.format);
    const g = await steadyGrowth(() => growth((n) => document(attack.build, n).text, open, attack.size));
    expect(g.ratio, describeGrowth(`opening ${attack.name}`, g)).toBeLessThanOrEqual(MAX_GROWTH);
  });

  it.each(ATTACKS.map((a) => [a.name, a] as const))('%s: a keystroke costs at most linear time, in it or next to it', async (_, attack) => {
    for (const where of ['inHostile', 'inOrdinary'] as const) {
      const typing = (n: number) => {
        const doc = document(attack.build, n);
        const linter = new BlockLinter(ruleSet, config);
        linter.lint(doc.text, attack.format);
        const at = doc[where];
        const typed = `${doc.text.slice(0, at)}x${doc.text.slice(at)}`;
        return { linter, doc, at, typed, format: attack.format as DocumentFormat };
      };
      // Type a letter and take it back: the linter is where it started after each run.
      const type = ({ linter, doc, at, typed, format }: ReturnType<typeof typing>) => {
        linter.lint(typed, format, { start: at, end: at, text: 'x' });
        linter.lint(doc.text, format, { start: at, end: at + 1, text: '' });
      };
      const g = await steadyGrowth(() => growth(typing, type, attack.size));
      expect(g.ratio, describeGrowth(`typing ${where} ${attack.name}`, g)).toBeLessThanOrEqual(MAX_GROWTH);
    }
  });
});

describe('the server on hostile documents', { timeout: 120_000 }, () => {
  let client: LspClient | undefined;
  let ws: Workspace | undefined;
  afterEach(async () => {
    await client?.shutdown();
    ws?.remove();
  });

  it.each([
    ['an emphasis pile', 'markdown', 'pile.md', emphasisPile],
    ['a list nested by indentation', 'markdown', 'deep.md', nestedListsByIndentation],
    ['unclosed scripts', 'html', 'scripts.html', DOCUMENT_ATTACKS.find((a) => a.name === 'unclosed scripts')?.build ?? emphasisPile],
  ] as const)('answers a megabyte of %s within seconds, and the document opened next to it', async (_, languageId, name, build) => {
    ws = workspace();
    client = new LspClient({ rootDir: ws.dir, settings: { debounceMs: 0 } });
    await client.initialize();
    const hostile = ws.uri(name);
    const small = ws.uri('small.md');
    const started = performance.now();
    await client.open(hostile, languageId, `${build(1_000_000)}\n\n${FLAGGED}\n`);
    await client.open(small, 'markdown', `${FLAGGED}\n`);
    expect(await client.diagnostics(small)).toHaveLength(1);
    const findings = await client.diagnostics(hostile);
    const ms = performance.now() - started;
    expect(ms, `${ms.toFixed(0)} ms`).toBeLessThan(20_000);
    expect(findings.map((d) => d.code)).toContain('substance/addict');
    if (languageId === 'markdown') {
      const logged = await client.until(() => client?.logs.find((l) => l.includes(hostile)), 'the notice in the log');
      expect(logged).toMatch(/^reframe: file:\S+: read as plain text: lines 1–\d+, as Markdown they would cost the parser/);
      for (const word of ['addict', 'ward', 'item', '*a**']) expect(logged).not.toContain(word);
    }
    // Typing in it is answered within a moment.
    const typedAt = performance.now();
    const version = await client.change(hostile, 'x', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    await client.diagnostics(hostile, version);
    const typingMs = performance.now() - typedAt;
    expect(typingMs, `${typingMs.toFixed(0)} ms`).toBeLessThan(10_000);
  });
});
