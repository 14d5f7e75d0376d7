/**
 * The one block splitter (src/text/blocks.ts). Before it there were three: the plain-text splitter in
 * lint.ts, the fast path's Markdown groups (markdown-blocks.ts) and the language server's blocks.ts, each
 * with its own fence and HTML patterns. Each case below is one where they disagreed, with the result
 * chosen; for Markdown the chosen split must give the reference path's findings when each block is
 * parsed alone (the fast path) — two of the old fast path's splits did not.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { lintBy } from '../src/internal.js';
import { isBlank, lineEffect, markdownBlocks, splitBlocks } from '../src/text/blocks.js';
import type { DocumentFormat } from '../src/types.js';
import { bundledRuleSet } from './helpers.js';

const ruleSet = bundledRuleSet();

interface Case {
  name: string;
  format: DocumentFormat;
  text: string;
  /** The blocks chosen, as text. */
  blocks: string[];
  /** What the old splitters did. */
  before: string;
}

const CASES: Case[] = [
  {
    name: 'a fence opened after a list marker makes the whole document one block',
    format: 'markdown',
    text: '- ```\n  code\n\n  He is an addict.\n  ```\n\nText.',
    blocks: ['- ```\n  code\n\n  He is an addict.\n  ```\n\nText.'],
    before: 'fast path: one group, then "Text." apart; server: no fence (the continuation joined only by indentation)',
  },
  {
    name: 'a fence in a block quote makes the whole document one block',
    format: 'markdown',
    text: '> ```\n> code\n>\n> He is an addict.\n> ```\n\nShe committed suicide.',
    blocks: ['> ```\n> code\n>\n> He is an addict.\n> ```\n\nShe committed suicide.'],
    before: 'fast path: never closed (joined to the end); server: no fence',
  },
  {
    name: 'a closer indented four spaces does not close a top-level fence',
    format: 'markdown',
    text: '```\ncode\n\n    ```\n\nHe is an addict.\n',
    blocks: ['```\ncode\n\n    ```\n\nHe is an addict.\n'],
    before: 'fast path: closed there and linted the code after it as prose; server: kept open (as chosen)',
  },
  {
    name: 'a fence opened in a list item makes the whole document one block (a closer at column 0 opens a new fence there)',
    format: 'markdown',
    text: '- ```\n  code\n```\n\nHe is an addict.\n',
    blocks: ['- ```\n  code\n```\n\nHe is an addict.'],
    before: 'fast path: closed there (CommonMark ends the item and opens a new fence, so what follows is code)',
  },
  {
    name: 'processing instructions, declarations and CDATA keep their blank lines',
    format: 'markdown',
    text: '<?php\n\n?>\n\n<!DOCTYPE\n\nhtml>\n\n<![CDATA[\n\n]]>\n\nEnd.',
    blocks: ['<?php\n\n?>', '<!DOCTYPE\n\nhtml>', '<![CDATA[\n\n]]>', 'End.'],
    before: 'fast path: as chosen; server: split at each blank line',
  },
  {
    name: 'a comment opened inside a line of Markdown ends with its paragraph',
    format: 'markdown',
    text: 'Text <!-- a\n\nHe is an addict. -->',
    blocks: ['Text <!-- a', 'He is an addict. -->'],
    before: 'fast path: as chosen; server: kept open across the blank line',
  },
  {
    name: 'an HTML block opened after a list marker makes the whole document one block',
    format: 'markdown',
    text: '- <!--\n\n  -->\n\nEnd.',
    blocks: ['- <!--\n\n  -->\n\nEnd.'],
    before: 'fast path: joined only by indentation; server: the same',
  },
  {
    name: 'front matter is one block up to its closing delimiter',
    format: 'markdown',
    text: '---\ntitle: x\n\nnote: y\n---\n\nBody.',
    blocks: ['---\ntitle: x\n\nnote: y\n---', 'Body.'],
    before: 'fast path: front matter is blanked out before the split; server: as chosen',
  },
  {
    name: 'a delimiter line after a blank line joins the block before it',
    format: 'markdown',
    text: 'He is an addict.\n\n---\n\nShe committed suicide.',
    blocks: ['He is an addict.\n\n---', 'She committed suicide.'],
    before: 'fast path: a group of its own; server: as chosen (alone it would read as front matter)',
  },
  {
    name: 'a line of no-break spaces is text, not a blank line',
    format: 'markdown',
    text: 'He is an\n\u00a0\naddict.',
    blocks: ['He is an\n\u00a0\naddict.'],
    before: 'fast path: a blank line (trim); server: as chosen (CommonMark: only spaces and tabs)',
  },
  {
    name: 'an HTML block that ends at a blank line holds a fence line as raw HTML: the whole document is one block',
    format: 'markdown',
    text: '<div>\n```\n</div>\n\n```\ncode line\n\nHe is an addict.\n```',
    blocks: ['<div>\n```\n</div>\n\n```\ncode line\n\nHe is an addict.\n```'],
    before: 'all three: the fence line inside <div> opened a fence, so the real fence was cut and its code linted',
  },
  {
    name: 'a comment that closes on its own line (<!-->) leaves nothing open',
    format: 'markdown',
    text: '<!-->\n\n```\n-->\n\nHe is an addict.\n```',
    blocks: ['<!-->', '```\n-->\n\nHe is an addict.\n```'],
    before: 'fast path and (since the first version of this splitter) server: read it as an open comment',
  },
  {
    name: 'an indented HTML opener makes the whole document one block',
    format: 'markdown',
    text: '    <script>\n\n```\ncode </script>\n\nHe is an addict.\n```',
    blocks: ['    <script>\n\n```\ncode </script>\n\nHe is an addict.\n```'],
    before: 'fast path and server: an open <script>, so the fence after it was cut',
  },
  {
    name: 'plain text: an indented line after a blank line starts a block',
    format: 'text',
    text: 'He is an addict.\n\n  She committed suicide.',
    blocks: ['He is an addict.', '  She committed suicide.'],
    before: 'lint.ts: as chosen; server: joined it to the block before',
  },
  {
    name: 'HTML: a comment, a script and an open tag keep their blank lines',
    format: 'html',
    text: '<p>One <!-- a\n\nb --> two</p>\n\n<script>\n\n</script>\n\n<p\n\nclass="x">Three</p>',
    blocks: ['<p>One <!-- a\n\nb --> two</p>', '<script>\n\n</script>', '<p\n\nclass="x">Three</p>'],
    before: 'server: as chosen; core reads HTML as text first (text/html.ts) and splits that',
  },
];

describe('the one block splitter', () => {
  for (const c of CASES) {
    it(`${c.name} (${c.format})`, () => {
      expect(splitBlocks(c.text, c.format).map((b) => c.text.slice(b.start, b.end))).toEqual(c.blocks);
    });
  }

  it('gives each Markdown case the reference path’s findings, and each block linted alone gives them too', () => {
    for (const c of CASES.filter((x) => x.format === 'markdown')) {
      const reference = lintBy('reference', c.text, { ruleSet, format: 'markdown' });
      expect(lintBy('fast', c.text, { ruleSet, format: 'markdown' }), c.name).toEqual(reference);
      // As the language server does: every block on its own, its findings moved to the block's place.
      const byBlock = splitBlocks(c.text, 'markdown').flatMap((b) =>
        lint(c.text.slice(b.start, b.end), { ruleSet, format: 'markdown' }).map((d) => `${d.range.start.offset + b.start}:${d.ruleId}`),
      );
      expect(byBlock, c.name).toEqual(reference.map((d) => `${d.range.start.offset}:${d.ruleId}`));
    }
  });

  it('never skips prose as "only fenced code" unless the fence is one the scan is sure of', () => {
    for (const text of [
      '    ```\nHe is an addict.\n    ```',
      '> ```\nHe is an addict.\n> ```',
      '- ```\nHe is an addict.\n  ```',
      '\t```\rHe is an addict.\r    ```',
    ]) {
      const reference = lintBy('reference', text, { ruleSet, format: 'markdown' });
      expect(reference.length, text).toBe(1);
      expect(lintBy('fast', text, { ruleSet, format: 'markdown' }), text).toEqual(reference);
    }
  });

  it('splits plain text as fast when the splitter is hot as when it is cold', () => {
    // Once quadratic after the optimising compiler took it (from the fourth call on a 1 MB file:
    // 350 ms instead of 3 ms; on 10 MB, minutes).
    const paragraph = 'Seen today with his daughter’s help.\nNo change in the plan.\n\n';
    const text = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      const started = performance.now();
      expect(splitBlocks(text, 'text').length).toBe(Math.ceil(1_000_000 / paragraph.length));
      times.push(performance.now() - started);
    }
    const cold = Math.min(...times.slice(0, 2));
    expect(Math.max(...times.slice(3)), times.map((t) => t.toFixed(1)).join(' ')).toBeLessThan(20 * cold + 50);
  });

  it('reads quote marks before a fence line in linear time', () => {
    // Once an exponential regular expression: 26 of these took 6 s.
    const text = `\`\`\`\n${'>  '.repeat(2000)}\`\`\`x\n\nHe is an addict.\n`;
    const started = performance.now();
    splitBlocks(text, 'markdown');
    lineEffect(text.split('\n')[1] ?? '', 'markdown');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('gives the reference path’s findings on generated documents of tricky lines, fast and block by block', () => {
    const LINES = [
      '```',
      '~~~',
      '  ```',
      '    ```',
      '- ```',
      '> ```',
      '1. ```',
      '<div>',
      '</div>',
      '<x-y>',
      '<script>',
      '</script>',
      '- <script>',
      '<!--',
      '-->',
      '<!-->',
      '<?x',
      '?>',
      '<!X',
      '>',
      '<![CDATA[',
      ']]>',
      '---',
      '- item',
      '  continued',
      '> quoted',
      'He is an addict.',
      'She committed suicide.',
      '[a]: https://example.org',
      'See [a].',
      '',
      '',
      '',
      '\t```',
    ];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 4 + (next() % 14) }, () => LINES[next() % LINES.length]).join(next() % 5 === 0 ? '\r\n' : '\n');
      const reference = lintBy('reference', text, { ruleSet, format: 'markdown' }).map((d) => `${d.range.start.offset}:${d.ruleId}`);
      expect(
        lintBy('fast', text, { ruleSet, format: 'markdown' }).map((d) => `${d.range.start.offset}:${d.ruleId}`),
        JSON.stringify(text),
      ).toEqual(reference);
      const byBlock = splitBlocks(text, 'markdown').flatMap((b) =>
        lint(text.slice(b.start, b.end), { ruleSet, format: 'markdown' }).map((d) => `${d.range.start.offset + b.start}:${d.ruleId}`),
      );
      expect(byBlock, JSON.stringify(text)).toEqual(reference);
    }
  });

  it('numbers each block by its first line, whatever the line breaks', () => {
    const text = 'a\r\n\r\nb\rc\r\rd\n\n\ne';
    expect(splitBlocks(text, 'text').map((b) => [b.line, text.slice(b.start, b.end)])).toEqual([
      [0, 'a'],
      [2, 'b\rc'],
      [5, 'd'],
      [8, 'e'],
    ]);
  });

  it('lists the Markdown blocks that hold link reference definitions', () => {
    const text = 'See [the guide][g].\n\n[g]: https://example.org/guide\n\nMore.';
    const { definitions } = markdownBlocks(text);
    expect(definitions.map((b) => text.slice(b.start, b.end))).toEqual(['[g]: https://example.org/guide']);
  });

  it('counts only spaces and tabs as blank', () => {
    expect(isBlank(' \t ', 0, 3)).toBe(true);
    expect(isBlank('\u00a0', 0, 1)).toBe(false);
  });

  it('gives a line the same effect after an edit that touches no fence, HTML or delimiter', () => {
    for (const format of ['markdown', 'html'] as const)
      expect(lineEffect('He is an addict.', format)).toBe(lineEffect('He is a person.', format));
    expect(lineEffect('```', 'markdown')).not.toBe(lineEffect('``', 'markdown'));
    expect(lineEffect('- ```', 'markdown')).not.toBe(lineEffect('-```', 'markdown'));
    expect(lineEffect('<div>', 'markdown')).not.toBe(lineEffect('< div>', 'markdown'));
    expect(lineEffect('<!-- open', 'markdown')).not.toBe(lineEffect('<!- open', 'markdown'));
    expect(lineEffect('---', 'markdown')).not.toBe(lineEffect('--', 'markdown'));
    expect(lineEffect('<script>', 'html')).not.toBe(lineEffect('<scrip>', 'html'));
  });
});
