import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { lintBy } from '../src/internal.js';
import { isPlainParagraph, onlyFencedCode, plainHeadingAndParagraph, plainListItems } from '../src/text/markdown-shape.js';
import { found, run } from './core-helpers.js';
import { bundledRuleSet } from './helpers.js';

const md = (text: string) => run(text, { format: 'markdown' });

describe('Markdown', () => {
  it('lints prose in headings, paragraphs, lists, quotes and tables', () => {
    const text = [
      '# The addict',
      '',
      'A paragraph about an addict.',
      '',
      '- list addict',
      '',
      '> quoted addict',
      '',
      '| a | b |',
      '|---|---|',
      '| addict | x |',
    ].join('\n');
    expect(md(text).map((d) => d.range.start.line)).toEqual([1, 3, 5, 7, 11]);
  });
  it('skips fenced and indented code, inline code, HTML and front matter', () => {
    const text = [
      '---',
      'title: addict',
      '---',
      '',
      '```',
      'addict',
      '```',
      '',
      '    addict in indented code',
      '',
      'Inline `addict` code and <span title="addict">x</span>.',
      '',
      '<div>',
      'addict',
      '</div>',
    ].join('\n');
    expect(md(text)).toEqual([]);
  });
  it('skips link URLs and bare URLs but lints link text', () => {
    expect(found(md('See [the addict](https://example.invalid/addict) and https://example.invalid/addict.'))).toEqual([
      'test/addict:addict',
    ]);
  });
  it('keeps exact positions in the source', () => {
    const text = 'Intro.\n\n**Bold** text: the *addict* left.';
    const [d] = md(text);
    expect(d && text.slice(d.range.start.offset, d.range.end.offset)).toBe('addict');
    expect(d?.range.start).toMatchObject({ line: 3, column: 21 });
  });
  it('matches a phrase across emphasis markers', () => {
    expect(found(md('He committed *suicide* last year.'))).toEqual(['test/committed-suicide:committed *suicide']);
  });

  // Regression: in the nlcst tree from remark-retext, a sentence followed in the same paragraph by
  // inline code, emphasis or a link is not split, and its last word keeps the full stop. The phrase
  // at the sentence end must still be found.
  it.each([
    ['inline code', 'He committed suicide. `x` here.'],
    ['emphasis', 'He committed suicide. *x* here.'],
    ['strong', 'He committed suicide. **x** here.'],
    ['a link', 'He committed suicide. [x](https://example.invalid) here.'],
  ])('finds a phrase at a sentence end followed by %s', (_, text) => {
    expect(found(md(text))).toEqual(['test/committed-suicide:committed suicide']);
  });
  it('finds a plural at a sentence end followed by inline code', () => {
    expect(found(md('Two addicts. `code` follows.'))).toEqual(['test/addict:addicts']);
  });
  it('respects quotes in Markdown too', () => {
    expect(md('She said "I was an addict" at intake.')).toEqual([]);
  });
});

describe('HTML', () => {
  it('lints text content only, skipping scripts, styles, comments and attributes', () => {
    const text =
      '<html><head><style>.addict{}</style><script>var addict = 1;</script></head>\n<body><p title="addict">The addict left.</p><!-- addict --></body></html>';
    const ds = run(text, { format: 'html' });
    expect(found(ds)).toEqual(['test/addict:addict']);
    expect(ds[0]?.range.start).toMatchObject({ line: 2, column: 29 });
  });
  it('does not run sentences together across block tags', () => {
    expect(run('<p>He committed</p><p>suicide risk low</p>', { format: 'html' })).toEqual([]);
  });
});

describe('plain paragraphs in Markdown', () => {
  const plain = (text: string) => isPlainParagraph(text, 0, text.length);

  it('reads prose with only words and punctuation as plain, and anything Markdown could parse as not', () => {
    expect(plain('He is an addict, she said. Denies chest pain.\nContinued on a second line.')).toBe(true);
    // Characters that mean nothing inside a CommonMark line (no GFM here).
    expect(plain('Sutured with #10 blade; ratio 3|4 ~ approx! x > y.')).toBe(true);
    for (const text of [
      'He is an *addict*.',
      'See [the note](x).',
      '- a list item',
      '1. a numbered item',
      '# A heading',
      '    indented code',
      'Hard break  \nnext line',
      'A setext heading\n===',
      'Text with `code`.',
      'An entity &amp; more.',
      '> a quotation',
    ])
      expect(plain(text), text).toBe(false);
  });

  it('gives the same findings for plain prose whether it is parsed as Markdown or as text', () => {
    const text = 'Intro line.\n\nHe is an addict and claims pain. She committed suicide in 2015.\nSecond line of the paragraph.\n';
    const ruleSet = bundledRuleSet();
    const fast = lint(text, { ruleSet, format: 'markdown' });
    expect(fast.map((d) => d.actual)).toEqual(lintBy('reference', text, { ruleSet, format: 'markdown' }).map((d) => d.actual));
    expect(fast.length).toBeGreaterThanOrEqual(3);
  });
});

describe('Markdown groups that need no Markdown parse', () => {
  it('recognises a group that is exactly one fenced code block', () => {
    const fenced = '```text\nHe is an addict.\n```';
    expect(onlyFencedCode(fenced, 0, fenced.length)).toBe(true);
    const more = '```\ncode\n```\nHe is an addict.';
    expect(onlyFencedCode(more, 0, more.length)).toBe(false);
    const unclosed = '```\nHe is an addict.';
    expect(onlyFencedCode(unclosed, 0, unclosed.length)).toBe(false);
  });

  it('splits a heading line and the plain paragraph under it', () => {
    const text = '## HISTORY\nHe is an addict and claims pain.';
    const split = plainHeadingAndParagraph(text, 0, text.length);
    expect(split?.map(([s, e]) => text.slice(s, e))).toEqual(['HISTORY', 'He is an addict and claims pain.']);
    const emphasis = '## HISTORY\nHe is an *addict*.';
    expect(plainHeadingAndParagraph(emphasis, 0, emphasis.length)).toBeUndefined();
    const ruleSet = bundledRuleSet();
    const doc = `Intro.\n\n${text}\n\n\`\`\`\nShe committed suicide.\n\`\`\`\n`;
    const fast = lint(doc, { ruleSet, format: 'markdown' });
    expect(fast).toEqual(lintBy('reference', doc, { ruleSet, format: 'markdown' }));
    expect(fast.map((d) => d.ruleId)).not.toContain('suicide/committed-suicide');
  });

  it('reads a list of one-line plain items item by item, and anything else as Markdown', () => {
    const list = '- Denies chest pain.\n- He is an addict.\n1. Claims pain.';
    expect(plainListItems(list, 0, list.length)?.map(([s, e]) => list.slice(s, e))).toEqual([
      'Denies chest pain.',
      'He is an addict.',
      'Claims pain.',
    ]);
    for (const text of ['- item\ncontinued', '- - nested', '- an *emphasised* item', '-no space', '-      code'])
      expect(plainListItems(text, 0, text.length), text).toBeUndefined();
    const ruleSet = bundledRuleSet();
    const doc = `# Notes\n\n${list}\n`;
    expect(lint(doc, { ruleSet, format: 'markdown' })).toEqual(lintBy('reference', doc, { ruleSet, format: 'markdown' }));
  });
});
