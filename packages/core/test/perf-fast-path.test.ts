/**
 * The fast path (prefilter, sentence windows, Markdown block groups) must report exactly what the
 * full-parse reference path reports. Correctness only: nothing here is timed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { candidatesIn, prefilterFor, withRequirementsMet } from '../src/fast/prefilter.js';
import { planWindows, sureBoundaries } from '../src/fast/windows.js';
import { type DocumentFormat, lint } from '../src/index.js';
import { lintBy } from '../src/internal.js';
import { markdownBlocks } from '../src/text/blocks.js';
import { isPlainParagraph } from '../src/text/markdown-shape.js';
import { quoteSpans, scanQuotes } from '../src/text/spans.js';
import { inventedRuleSet } from './core-helpers.js';
import { bundledRuleSet, labelledSentences, MTSAMPLES, seeded } from './helpers.js';

function both(text: string, format: DocumentFormat = 'text') {
  const ruleSet = bundledRuleSet();
  return { fast: lint(text, { ruleSet, format }), full: lintBy('reference', text, { ruleSet, format }) };
}

function expectSame(text: string, format: DocumentFormat = 'text'): number {
  const { fast, full } = both(text, format);
  expect(fast).toEqual(full);
  return full.length;
}

/** `least` to `least + spread - 1` pieces, drawn with `random`. */
function randomText(random: () => number, pieces: string[], least: number, spread: number): string {
  let text = '';
  for (let j = 0; j < least + Math.floor(random() * spread); j++) text += pieces[Math.floor(random() * pieces.length)];
  return text;
}

const PROSE = [
  'The patient reports intermittent chest pain over the past week.',
  'She denies chest pain, palpitations or syncope.',
  'Wound is clean and dry with no erythema.',
  'Urine drug screen negative.',
  'He has bipolar I disorder and takes lithium daily.',
  'Dr. Smith reviewed the imaging on Sept. Monday morning.',
  'Vitals were stable; weight was 70 kg.',
  'Plan: follow up in two weeks.',
];
const STIGMA = [
  'He committed suicide in 2015.',
  'She is a known heroin addict.',
  'The patient is non-compliant with medication.',
  'He claims he has not been drinking.',
  'She has been wheelchair-bound since the accident.',
  'He said, "I am an addict and I want help."',
  'She describes herself as an alcoholic in recovery.',
  'This was a failed suicide attempt.',
  'Her father committed\nsuicide last year.',
  '"I am an addict.',
  'He is a schizophrenic.',
  // Scare quotes, with and without the exceptions around them (the words before the quotation mark).
  'Another episode of "seizures" at the group home.',
  'Presents with a chief complaint of "dizziness" since Tuesday.',
  'Low mood; her "fatigue" is worse in the mornings.',
  // Exceptions on either side of a clause break.
  'Her father is a diabetic, labs to be repeated in a month.',
  'Apparently, an MRI the next day showed a small bleed.',
];

function paragraph(random: () => number, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const list = random() < 0.2 ? STIGMA : PROSE;
    out.push(list[Math.floor(random() * list.length)] ?? '');
  }
  return out.join(random() < 0.1 ? '\n' : ' ');
}

describe('fast path equals the full parse', () => {
  it('on long single paragraphs with quotes across sentences and wrapped phrases', () => {
    const random = seeded(7);
    for (let round = 0; round < 6; round++) {
      const text = paragraph(random, 120);
      expect(text.length).toBeGreaterThan(1_000); // large enough for windows
      expectSame(text);
    }
  });

  it('on a quotation left open, a stray apostrophe and an odd inch mark', () => {
    const tail = ' He committed suicide in 2015. The patient is non-compliant with medication.'.repeat(30);
    expectSame(`He is 5'9" tall. ${tail}`);
    expectSame(`She said "it started when ${tail} and then stopped."${tail}`);
    expectSame(`Rock music from the '80s helps. ${tail} He said 'no more' to it.${tail}`);
    expectSame(`Curly “quotes start here. ${tail}”${tail}`);
  });

  it('on Markdown with fences, HTML, lists, headings, emphasis, inline code and links', () => {
    const random = seeded(11);
    const parts: string[] = ['---\ntitle: invented\n---', '# Heading with addict'];
    for (let i = 0; i < 40; i++) {
      const roll = random();
      if (roll < 0.1) parts.push('```text\nHe committed suicide.\n\nStill code: addict.\n```');
      else if (roll < 0.15) parts.push('<!--\nHe is an addict.\n\nStill a comment.\n-->');
      else if (roll < 0.2) parts.push('<pre>\nHe is an addict.\n\nStill pre.\n</pre>');
      else if (roll < 0.3) parts.push(`- ${paragraph(random, 2)}\n- ${paragraph(random, 2)}\n\n  ${paragraph(random, 2)}`);
      else if (roll < 0.35) parts.push(`    indented code: addict\n\n    more code: committed suicide`);
      else if (roll < 0.4) parts.push('Her father **committed suicide**; see `substance abuse` and [an addict][ref].');
      else if (roll < 0.45) parts.push('> He is a heroin\n> addict.\n>\n> Quoted block.');
      else parts.push(paragraph(random, 4));
    }
    parts.push('[ref]: https://example.org/addict "An addict"');
    expect(expectSame(parts.join('\n\n'), 'markdown')).toBeGreaterThan(0);
  });

  it('on rules that need context words anywhere in the paragraph (exceptions.requires)', () => {
    // relationships/assumed-partner fires only in a paragraph that mentions forms, scripts, training…
    // The prefilter drops its candidates in blocks without any such word: the result must not change.
    const random = seeded(19);
    const PARTNER = ['Ask whether her husband will attend.', 'His wife drove him here.', 'Does she have a boyfriend?'];
    const CONTEXT = ['This intake form is used at registration.', 'Role-play script for trainees.', 'Tuesday was quiet.'];
    let flagged = 0;
    for (let round = 0; round < 8; round++) {
      const sentences: string[] = [];
      for (let i = 0; i < 40; i++) {
        const roll = random();
        const list = roll < 0.15 ? PARTNER : roll < 0.25 ? CONTEXT : PROSE;
        sentences.push(list[Math.floor(random() * list.length)] ?? '');
      }
      const text = sentences.join(' ');
      const inMarkdown = `# Notes\n\n${sentences.slice(0, 20).join(' ')}\n\n- ${sentences.slice(20).join('\n- ')}`;
      flagged += expectSame(text) + expectSame(`${text}\n\n${PARTNER[0]}`) + expectSame(inMarkdown, 'markdown');
    }
    expect(flagged).toBeGreaterThan(0);
  });

  it('drops a candidate whose rule requires words its block does not hold, and only then', () => {
    const prefilter = prefilterFor(bundledRuleSet());
    const far = `${PROSE.join(' ')} `.repeat(3);
    const withoutContext = `${far}Her husband will attend the next visit. ${far}`;
    const withContext = `Intake form, page 2. ${far}Her husband will attend the next visit. ${far}`;
    const husband = (text: string) => candidatesIn(prefilter, text).filter((c) => text.startsWith('husband', c.at));
    expect(husband(withoutContext)).toHaveLength(1);
    expect(withRequirementsMet(husband(withoutContext), withoutContext, 0, withoutContext.length)).toHaveLength(0);
    expect(withRequirementsMet(husband(withContext), withContext, 0, withContext.length)).toHaveLength(1);
    const ruleIds = (text: string) => lint(text, { ruleSet: bundledRuleSet() }).map((d) => d.ruleId);
    expect(ruleIds(withContext)).toContain('relationships/assumed-partner');
    expect(ruleIds(withoutContext)).not.toContain('relationships/assumed-partner');
  });

  it('on a scare-quote rule with exceptions, requires among them (invented rule set)', () => {
    const ruleSet = inventedRuleSet([
      {
        id: 'test/quotes',
        quoted: true,
        match: [{ phrase: 'seizures', plural: false, suggestions: ['{1-}'] }],
        exceptions: { requires: ['staff|home'], notAfter: ['complaint of'], notBefore: ['diary'] },
      },
    ]);
    const random = seeded(23);
    const QUOTED = [
      'More "seizures" reported by staff.',
      'Chief complaint of "seizures" since May.',
      'Her "seizures" diary was reviewed.',
      'More "seizures" this week.',
      'Back home, more "seizures", staff say.',
    ];
    let flagged = 0;
    for (let round = 0; round < 6; round++) {
      const sentences: string[] = [];
      for (let i = 0; i < 60; i++) {
        const list = random() < 0.3 ? QUOTED : PROSE;
        sentences.push(list[Math.floor(random() * list.length)] ?? '');
      }
      // Blocks of a few sentences, so that some hold no word the rule requires and the prefilter drops their candidates.
      const text = sentences.map((sentence, i) => (i % 4 === 3 ? `${sentence}\n\n` : `${sentence} `)).join('');
      const fast = lint(text, { ruleSet });
      expect(fast).toEqual(lintBy('reference', text, { ruleSet }));
      flagged += fast.length;
    }
    expect(flagged).toBeGreaterThan(0);
  });

  it('on HTML', () => {
    expectSame(`<p>${paragraph(seeded(3), 60)}</p><script>var addict = 1;</script><div>He is an addict.</div>`, 'html');
  });

  it('on Markdown paragraphs with literal "_", "*" and "<" (blanks, lab values) and the syntax they resemble', () => {
    const pieces = [
      'He is an addict. ',
      'The _______ was placed. ',
      'Potassium normal <4.0 and ',
      'was < 5 days ',
      'x * y ',
      'She is _an addict_ now. ',
      'He is *non-compliant* with it. ',
      'Her father **committed suicide**. ',
      'a_b addict ',
      'See <http://example.org> addict ',
      '<b>addict</b> ',
      '\n___\n',
      '\n_ _ _\n',
      '\n* * *\n',
      '\n',
      'committed _____ suicide ',
      '*committed suicide * ',
      '__ ',
      '<!-- addict --> ',
      '<3 ',
    ];
    const random = seeded(31);
    const paragraphs = Array.from({ length: 300 }, () => randomText(random, pieces, 2, 6).trim()).filter(Boolean);
    expect(expectSame(paragraphs.join('\n\n'), 'markdown')).toBeGreaterThan(50);
    // Literal runs and "<" keep a paragraph on the plain-text path; real syntax does not.
    const plain = (t: string) => isPlainParagraph(t, 0, t.length);
    expect(['the _______ digitorum', 'normal <4.0', 'x < 5 and _ or * alone', 'a\n__ b'].map(plain)).toEqual([true, true, true, true]);
    expect(['_an addict_', 'text\n___', 'text\n_ _ _', '<b>x</b>', '<http://x.org>', 'a_b', '**x**', '</p>'].map(plain)).toEqual(
      Array(8).fill(false),
    );
  });

  it.skipIf(!existsSync(MTSAMPLES))('on a deterministic MTSamples corpus with injected phrases (plain text and Markdown)', () => {
    const random = seeded(20261127);
    const rows = readFileSync(MTSAMPLES, 'utf8').split('\n').slice(0, 25);
    const notes = rows.filter((r) => r.trim()).map((r) => String((JSON.parse(r) as { transcription?: string }).transcription ?? ''));
    const withPhrases = notes.map((note) =>
      note
        .split(/(?<=\.)\s+/)
        .map((s) => (random() < 0.06 ? `${s} ${STIGMA[Math.floor(random() * STIGMA.length)]}` : s))
        .join(' '),
    );
    const plain = withPhrases.join('\n\n');
    expect(expectSame(plain)).toBeGreaterThan(0);
    const markdown = withPhrases.map((n, i) => `## Note ${i + 1}\n\n${n.replace(/,([A-Z][A-Z ]+):/g, '\n\n### $1\n\n')}`).join('\n\n');
    expect(expectSame(markdown, 'markdown')).toBeGreaterThan(0);
  });
});

describe('the one documented difference', () => {
  it('reads paragraph-scoped exceptions over nearby sentences only in a block over 64 KB', () => {
    const random = seeded(13);
    const filler = () => paragraph(random, 400);
    // One block of ~90 KB: "his wife" near the start, the "intake" that satisfies the rule's
    // paragraph-wide `requires` only at the far end.
    const text = `Seen with his wife today. ${[1, 2, 3, 4, 5, 6].map(filler).join(' ')} The intake form was completed.`;
    expect(text.length).toBeGreaterThan(64 * 1024);
    const { fast, full } = both(text);
    const key = (d: { ruleId: string; range: { start: { offset: number } } }) => `${d.range.start.offset}:${d.ruleId}`;
    const fastKeys = new Set(fast.map(key));
    const onlyFull = full.filter((d) => !fastKeys.has(key(d)));
    const scoped = new Set(
      [...bundledRuleSet().rules.values()].filter((r) => r.data.exceptions?.scope === 'paragraph').map((r) => r.data.id),
    );
    for (const d of onlyFull) expect(scoped.has(d.ruleId), d.ruleId).toBe(true);
    expect(fast.every((d) => full.some((f) => key(f) === key(d)))).toBe(true);
  });
});

describe('fast path on the labelled sentences', () => {
  it('gives the same diagnostics as the full parse for every rule example and dev-set sentence, as text and Markdown', () => {
    const texts = labelledSentences();
    expect(texts.length).toBeGreaterThan(10);
    let flagged = 0;
    for (const text of texts) {
      flagged += expectSame(text) > 0 ? 1 : 0;
      expectSame(text, 'markdown');
    }
    expect(flagged).toBeGreaterThan(0);
  });
});

describe('fast-path building blocks', () => {
  it('pairs quotation marks exactly as the matcher does', () => {
    const random = seeded(5);
    const alphabet = ['a', 'b', ' ', '"', '“', '”', "'", '‘', '’', '.', '9'];
    for (let i = 0; i < 500; i++) {
      let text = '';
      for (let j = 0; j < 40; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(scanQuotes(text, 3).spans.sort((a, b) => a[0] - b[0] || a[1] - b[1])).toEqual(
        quoteSpans(text, 3).sort((a, b) => a[0] - b[0] || a[1] - b[1]),
      );
    }
  });

  it('cuts only at sure sentence boundaries, never after an abbreviation or a short word', () => {
    // Not: after "ate" (too short to be sure), after "Sept." (an abbreviation the parser merges), or where
    // a quotation mark follows the full stop. Inside a quotation is fine: the parser splits there too, and
    // the block's quotations are scanned once for every window.
    // "stat." is parse-latin's abbreviation of statim, merged the same way.
    const text = 'He went home. Then ate. Now "Stop here. Not here." After that. Sept. Monday came. Dr. Who left. Ancef stat. Then more.';
    const cuts = sureBoundaries(text, 0, text.length).map((at) => text.slice(at, at + 5));
    expect(cuts).toEqual(['Then ', 'Not h', 'Sept.', 'Dr. W', 'Ancef']);
  });

  it('finds exactly the boundaries of the reference pattern, on random text and offsets', () => {
    const reference = /(?<![A-Za-z])([a-z]{4,})[.?!]\s+(?=[A-Z])/g;
    const abbreviations = new Set(['thurs', 'tbsp', 'sept', 'tues', 'bbls', 'cent', 'ibid', 'stat']);
    const expected = (text: string, start: number): number[] =>
      [...text.slice(start).matchAll(reference)]
        .filter((m) => !abbreviations.has(m[1] ?? ''))
        .map((m) => start + (m.index ?? 0) + m[0].length);
    const random = seeded(11);
    const pieces = [
      'a',
      'b',
      'e',
      'T',
      'S',
      ' ',
      '  ',
      '.',
      '?',
      '!',
      '\n',
      '\t',
      '\u00a0',
      '\u2028',
      '\u0085',
      '\ufeff',
      '1',
      'é',
      'Sept',
      'sept',
      'thurs',
      'stat',
      'Ibid',
      'word',
      'Word',
    ];
    for (let i = 0; i < 5000; i++) {
      const text = randomText(random, pieces, 5, 30);
      const start = Math.floor(random() * 3);
      expect(sureBoundaries(text, start, text.length)).toEqual(expected(text, start));
    }
  });

  it('parses the candidate sentence, with more sentences of context only when asked', () => {
    const text = 'First line here. Second line here. Third addict here. Fourth line here. Fifth line here.';
    const at = text.indexOf('addict');
    const [own] = planWindows(text, 0, text.length, [at]);
    expect(own && text.slice(own.start, own.end)).toBe('Third addict here. ');
    const [wide] = planWindows(text, 0, text.length, [at], () => 1);
    expect(wide && text.slice(wide.start, wide.end)).toBe('Second line here. Third addict here. Fourth line here. ');
    expect(wide?.keep.map(([s, e]) => text.slice(s, e))).toEqual(['Third addict here. ']);
  });

  it("finds each candidate its own sentence by reading around it, as from all the block's boundaries", () => {
    // Reference: the windows computed from every sure boundary of the block (the earlier algorithm).
    const reference = (text: string, start: number, end: number, candidates: number[]) => {
      const cuts = sureBoundaries(text, start, end);
      const raw = candidates.map((at) => {
        const k = cuts.filter((c) => c <= at).length;
        const s = cuts[k - 1] ?? start;
        const e = cuts[k] ?? end;
        return { start: s, end: e, keep: [[s, e]] };
      });
      const merged: typeof raw = [];
      for (const w of raw) {
        const last = merged[merged.length - 1];
        const lastKeep = last?.keep[last.keep.length - 1];
        if (last && lastKeep && w.start < last.end) {
          last.end = Math.max(last.end, w.end);
          lastKeep[1] = Math.max(lastKeep[1] ?? 0, w.keep[0]?.[1] ?? 0);
        } else merged.push(w);
      }
      return merged;
    };
    const random = seeded(23);
    const pieces = [
      'He ',
      'is ',
      'well. ',
      'word. ',
      'Then ',
      'Sept. ',
      'Dr. ',
      'sure? ',
      'stop! ',
      'a',
      '\n',
      '  ',
      'x. ',
      'Next ',
      'stat. ',
    ];
    for (let i = 0; i < 3000; i++) {
      const text = randomText(random, pieces, 3, 40);
      const start = Math.floor(random() * 4);
      const end = text.length - Math.floor(random() * 4);
      if (end <= start) continue;
      const candidates = [
        ...new Set(Array.from({ length: 1 + Math.floor(random() * 5) }, () => start + Math.floor(random() * (end - start)))),
      ].sort((a, b) => a - b);
      expect(planWindows(text, start, end, candidates), JSON.stringify({ text, start, end, candidates })).toEqual(
        reference(text, start, end, candidates),
      );
    }
  });

  it('stops merging overlapping windows at a size limit, keeping each sentence in one window', () => {
    const sentence = (i: number) => `Sentence number ${i} mentions an addict here. `;
    const text = Array.from({ length: 2000 }, (_, i) => sentence(i)).join('');
    const candidates = [...text.matchAll(/addict/g)].map((m) => m.index ?? 0);
    const windows = planWindows(text, 0, text.length, candidates, () => 8);
    expect(Math.max(...windows.map((w) => w.end - w.start))).toBeLessThanOrEqual(16 * 1024 + 2 * 8 * sentence(1999).length);
    const kept = windows.flatMap((w) => w.keep);
    for (let i = 1; i < kept.length; i++) expect(kept[i]?.[0]).toBeGreaterThanOrEqual(kept[i - 1]?.[1] ?? 0);
    expect(candidates.every((at) => kept.some(([s, e]) => s <= at && at < e))).toBe(true);
  });

  it('keeps fenced code and HTML comments with blank lines in one group', () => {
    const text = 'Para one.\n\n```\ncode\n\nmore\n```\n\n<!--\n\n-->\n\n- item\n\n  continued\n\nLast.';
    const groups = markdownBlocks(text).blocks.map((b) => text.slice(b.start, b.end));
    expect(groups).toEqual(['Para one.', '```\ncode\n\nmore\n```', '<!--\n\n-->', '- item\n\n  continued', 'Last.']);
  });
});
