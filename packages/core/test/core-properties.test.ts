/**
 * Properties of the engine over arbitrary input (fast-check): it never throws, every range lies inside
 * the text and slices to `actual`, applying every safe fix is idempotent, and CRLF gives the same
 * findings as LF. Runs on the bundled rule set so real phrases are exercised.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, type DocumentFormat, lint } from '../src/index.js';
import { MAX_BRACKETS_PER_RUN, MAX_CONTAINER_DEPTH, tooCostlyForMarkdown } from '../src/text/markdown-shape.js';
import { urlSpans } from '../src/text/spans.js';
import { bundledRuleSet } from './helpers.js';

const ruleSet = bundledRuleSet();
const run = (text: string, format: DocumentFormat) => lint(text, { ruleSet, format });

// Words that trigger rules, mixed with clinical words, punctuation, markup and odd Unicode.
const WORDS = [
  'addict',
  'addicts',
  "addict's",
  'junkie',
  'alcoholic',
  'committed',
  'suicide',
  'commits',
  'wheelchair',
  'bound',
  'wheelchair-bound',
  'claims',
  'insists',
  'non-compliant',
  'schizophrenic',
  'the',
  'a',
  'he',
  'she',
  'patient',
  'liver',
  'disease',
  'clean',
  'wound',
  'denies',
  'chest',
  'pain',
  'failed',
  'attempt',
  'Alcoholics',
  'Anonymous',
];
const PIECES = [
  ' ',
  ' ',
  '\n',
  '\r\n',
  '\n\n',
  '.',
  ',',
  '"',
  '“',
  '”',
  "'",
  '‘',
  '’',
  '-',
  '*',
  '**',
  '`',
  '```\n',
  '# ',
  '- ',
  '> ',
  '[',
  '](http://x.invalid)',
  '<p>',
  '</p>',
  '<!--',
  '-->',
  '<script>',
  '</script>',
  '😀',
  '\u0301',
  '\uFEFF',
  '\t',
  '|',
  '---\n',
];
const prose = fc
  .array(
    fc.oneof(
      fc.constantFrom(...WORDS),
      fc.constantFrom(...PIECES),
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));
const format = fc.constantFrom<DocumentFormat>('text', 'markdown', 'html');

function applyFixes(text: string, diagnostics: Diagnostic[]): string {
  let out = text;
  const fixes = diagnostics.flatMap((d) => (d.fix ? [d.fix] : [])).sort((a, b) => b.range[0] - a.range[0]);
  let limit = Number.POSITIVE_INFINITY;
  for (const fix of fixes) {
    if (fix.range[1] > limit) continue; // overlapping fixes: keep the later one only
    out = out.slice(0, fix.range[0]) + fix.text + out.slice(fix.range[1]);
    limit = fix.range[0];
  }
  return out;
}

describe('engine properties', () => {
  it('never throws, and every range lies inside the text and slices to actual', () => {
    fc.assert(
      fc.property(prose, format, (text, fmt) => {
        for (const d of run(text, fmt)) {
          expect(d.range.start.offset).toBeGreaterThanOrEqual(0);
          expect(d.range.end.offset).toBeLessThanOrEqual(text.length);
          expect(d.range.start.offset).toBeLessThan(d.range.end.offset);
          expect(text.slice(d.range.start.offset, d.range.end.offset)).toBe(d.actual);
          expect(d.range.start.line).toBeGreaterThanOrEqual(1);
          expect(d.range.start.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('applying all safe fixes leaves nothing fixable, and is idempotent', () => {
    fc.assert(
      fc.property(prose, format, (text, fmt) => {
        const once = applyFixes(text, run(text, fmt));
        const again = run(once, fmt);
        expect(again.filter((d) => d.fix)).toEqual([]);
        expect(applyFixes(once, again)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same things with CRLF as with LF (modulo offsets)', () => {
    const lfProse = prose.map((t) => t.replace(/\r\n?/g, '\n'));
    fc.assert(
      fc.property(lfProse, fc.constantFrom<DocumentFormat>('text', 'markdown'), (text, fmt) => {
        const pick = (ds: Diagnostic[]) =>
          ds.map((d) => [d.ruleId, d.actual.replace(/\r\n/g, '\n'), d.range.start.line, d.range.start.column]);
        expect(pick(run(text.replace(/\n/g, '\r\n'), fmt))).toEqual(pick(run(text, fmt)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('Markdown piled with brackets or nested thousands deep is linted as text, not left to the parser', { timeout: 60_000 }, () => {
  // Before the bracket check each of these took 5 to 35 s in micromark (quadratic in the brackets of one paragraph).
  it.each([
    ['nested links and parens', `${'[('.repeat(50_000)}the addict${')]'.repeat(50_000)}`],
    ['unclosed link destinations', `${'[a]('.repeat(50_000)}the addict`],
    ['nested brackets', `${'['.repeat(50_000)}the addict${']'.repeat(50_000)}`],
    ['unresolved references', `${'[a] '.repeat(20_000)}the addict`],
    ['emphasis and brackets', `${'*['.repeat(20_000)} the addict`],
    ['brackets over many lines of one paragraph', `${'[a]\n'.repeat(20_000)}the addict`],
    ['many paragraphs just under the limit', `${'*['.repeat(MAX_BRACKETS_PER_RUN)} the addict\n\n`.repeat(200)],
  ])('%s', (_, text) => {
    const found = run(text, 'markdown');
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((d) => d.ruleId))).toEqual(new Set(['substance/addict']));
  });

  it('sends lines nested deeper than the limit to the text path, and ordinary nesting not', () => {
    const deep = `${'> '.repeat(MAX_CONTAINER_DEPTH + 1)}x`;
    expect(tooCostlyForMarkdown(deep, 0, deep.length)).toBe(true);
    const lists = `${'- '.repeat(MAX_CONTAINER_DEPTH / 2)}${'1. '.repeat(MAX_CONTAINER_DEPTH / 2 + 1)}x`;
    expect(tooCostlyForMarkdown(lists, 0, lists.length)).toBe(true);
    const usual = '> - 1. > quoted item\n> - next\n';
    expect(tooCostlyForMarkdown(usual, 0, usual.length)).toBe(false);
  });

  it('counts brackets per run of inline text: list items and headings start their own', () => {
    const item = `- ${'[a] '.repeat(100)}\n`;
    expect(tooCostlyForMarkdown(item.repeat(50), 0, item.length * 50)).toBe(false);
    const lines = `${'[a] '.repeat(100)}\n`;
    expect(tooCostlyForMarkdown(lines.repeat(50), 0, lines.length * 50)).toBe(true);
    const paragraphs = `${'[a] '.repeat(100)}\n\n`.repeat(50);
    expect(tooCostlyForMarkdown(paragraphs, 0, paragraphs.length)).toBe(false);
  });

  it('ordinary Markdown with links is still parsed as Markdown (link targets are not prose)', () => {
    const text = `See [the service](https://example.org/addict-support) and [notes][1].\n\n[1]: https://example.org/addict\n`;
    expect(run(text, 'markdown')).toEqual([]);
  });
});

describe('URL and e-mail spans', () => {
  it('are the spans the earlier (quadratic) pattern found', () => {
    // The pattern before the e-mail part was anchored to the start of a run of address characters.
    const before = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+|[\w.+-]+@[\w-]+\.[\w.-]+/gi;
    const spansBefore = (text: string) => [...text.matchAll(before)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
    const piece = fc.constantFrom('a', 'b.', '.', '@', '-', '+', ' ', 'www.', 'http://', 'x@y.z', '"', ')', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(urlSpans(text, 0)).toEqual(spansBefore(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('pathological input finishes promptly (linear matching)', () => {
  const cases: Array<[string, DocumentFormat, string]> = [
    ['a megabyte of one letter', 'text', 'a'.repeat(1_000_000)],
    ['a megabyte of one letter', 'markdown', 'a'.repeat(1_000_000)],
    ['a megabyte of a trigger word', 'text', 'addict '.repeat(150_000)],
    ['thousands of quotes', 'text', '"addict" '.repeat(20_000)],
    ['thousands of quotes', 'markdown', '"addict" '.repeat(20_000)],
    ['thousands of unbalanced quotes', 'text', '"'.repeat(50_000) + ' addict'],
    ['thousands of unbalanced quotes', 'markdown', '"'.repeat(50_000) + ' addict'],
    ['thousands of brackets', 'text', '[('.repeat(50_000) + 'addict' + ')]'.repeat(50_000)],
    // The e-mail pattern of the URL scan rescanned the run at every position: 104 s before the fix.
    ['a long run of full stops', 'text', `${'.'.repeat(200_000)} the addict`],
    ['a long run of full stops', 'markdown', `${'.'.repeat(200_000)} the addict`],
    ['a long phrase prefix repeated', 'text', 'committed '.repeat(100_000)],
    ['deeply nested Markdown quotes', 'markdown', `${'> '.repeat(5000)}the addict`],
    ['deeply nested Markdown lists', 'markdown', `${'- '.repeat(3000)}the addict`],
  ];
  it.each(cases)('%s (%s)', (_, fmt, text) => {
    const started = performance.now();
    run(text, fmt);
    // Generous bound: this guards against super-linear blow-up (minutes), not against a slow machine.
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});
