import { describe, expect, it } from 'vitest';
import { found, run } from './core-helpers.js';

describe('matching variants', () => {
  it('matches plural, possessive and case variants', () => {
    expect(found(run("The addict's mother; two addicts; ADDICT; Addicts’ rights."))).toEqual([
      "test/addict:addict's",
      'test/addict:addicts',
      'test/addict:ADDICT',
      'test/addict:Addicts',
    ]);
  });
  it('does not match inside other words', () => {
    expect(run('addiction addicted addictive')).toEqual([]);
  });
  it('matches hyphen, space, joined and line-wrapped variants', () => {
    expect(found(run('wheelchair-bound; wheelchair bound; wheelchairbound; wheelchair\nbound; wheelchair-\nbound.'))).toEqual([
      'test/wheelchair-bound:wheelchair-bound',
      'test/wheelchair-bound:wheelchair bound',
      'test/wheelchair-bound:wheelchairbound',
      'test/wheelchair-bound:wheelchair\nbound',
      'test/wheelchair-bound:wheelchair-\nbound',
    ]);
  });
  it('matches listed inflections and a phrase that wraps across a line break', () => {
    const ds = run('He committed\nsuicide. She commits suicide. They were committing suicide. Commit suicide.');
    expect(ds.map((d) => d.actual)).toEqual(['committed\nsuicide', 'commits suicide', 'committing suicide', 'Commit suicide']);
  });
  it('does not join words across a sentence or punctuation', () => {
    expect(run('He committed. Suicide was discussed.')).toEqual([]);
    expect(run('She committed, suicide risk low.')).toEqual([]);
  });
  it('prefers the longest phrase and keeps its own suggestions', () => {
    const [d] = run('Known heroin addict.');
    expect(d?.actual).toBe('heroin addict');
    expect(d?.suggestions).toEqual(['person who uses heroin']);
  });
});

describe('context exceptions', () => {
  it('honours notBefore and notAfter', () => {
    expect(found(run('Alcoholic drinks were served. Non-alcoholic punch. Known alcoholic.'))).toEqual(['test/alcoholic:alcoholic']);
  });
  it('honours the allow-list', () => {
    expect(run('Alcoholic liver disease. She attends Alcoholics Anonymous.')).toEqual([]);
  });
  it('honours requires and unless within the sentence', () => {
    expect(found(run('Urine drug screen clean. Wound is clean. The room is clean.'))).toEqual(['test/clean:clean']);
    expect(run('Drug chart reviewed; wound clean.')).toEqual([]);
  });
  it('matches case-sensitive phrases only as written', () => {
    expect(found(run('He is aboriginal. He is Aboriginal. ABORIGINAL.'))).toEqual(['test/aboriginal-lowercase:aboriginal']);
  });
});

describe("people's own words", () => {
  it('skips straight, curly and single quotations', () => {
    expect(run('He said "I was an addict" and ‘addict’ and “an addict”. She used the word \'addict\'.')).toEqual([]);
  });
  it('does not take apostrophes for quotes', () => {
    expect(found(run("It's clear the clients' addict label hurts; he's an addict."))).toEqual([
      'test/addict:addict',
      'test/addict:an addict',
    ]);
  });
  it('does not take an inch mark for a quote that hides the rest of the paragraph', () => {
    expect(found(run('He is 5\'9". He told me he was an addict years ago and "it is over". His brother is an addict.'))).toEqual([
      'test/addict:an addict',
      'test/addict:an addict',
    ]);
  });
  it('starts again at a quotation left unclosed, so the pairs after it are not flipped', () => {
    const text = 'Her sleep is "poor. Her mood is "flat," she says. The addict in the family is her uncle. She said "I am fine."';
    expect(found(run(text))).toEqual(['test/addict:addict']);
  });
  it('skips mentioned terms', () => {
    expect(run('Avoid writing committed suicide in notes. The term addict is outdated. Say person instead of addict.')).toEqual([]);
  });
  it('skips self-description', () => {
    expect(run('He describes himself as an addict in recovery. She identifies as an addict.')).toEqual([]);
    expect(found(run('She describes him as an addict.'))).toEqual(['test/addict:an addict']);
  });
  it('does not let a self-description reach past a turn in the sentence', () => {
    expect(run('Groups for people who identify as addicts in recovery.')).toEqual([]);
    expect(found(run('Groups for people who identify as gay, but also for an addict in recovery.'))).toEqual(['test/addict:an addict']);
  });
  it('each respect setting can be turned off', () => {
    expect(run('He said "an addict".', { config: { respect: { quotes: false } } })).toHaveLength(1);
    expect(run('The term addict is outdated.', { config: { respect: { mentions: false } } })).toHaveLength(1);
    expect(run('He calls himself an addict.', { config: { respect: { selfDescription: false } } })).toHaveLength(1);
  });
  it('flags scare quotes around a diagnosis but not a quoted sentence', () => {
    const ds = run('Her "asthma" again. His “pain” is worse. She said "my pain is awful".');
    expect(ds.map((d) => d.actual)).toEqual(['"asthma"', '“pain”']);
  });
  it('skips URLs and email addresses', () => {
    expect(run('See https://example.invalid/addict and www.example.invalid/addict-help or addict@example.invalid')).toEqual([]);
  });
});

describe('ranges', () => {
  it('gives 1-based lines and columns and 0-based UTF-16 offsets', () => {
    const text = 'First line.\nThe addict left.';
    const [d] = run(text);
    expect(d?.range.start).toEqual({ line: 2, column: 5, offset: 16 });
    expect(d?.range.end).toEqual({ line: 2, column: 11, offset: 22 });
    expect(text.slice(d?.range.start.offset, d?.range.end.offset)).toBe(d?.actual);
  });
  it('counts CRLF and lone CR line endings', () => {
    const crlf = run('One.\r\nTwo.\r\nThe addict left.');
    expect(crlf[0]?.range.start).toEqual({ line: 3, column: 5, offset: 16 });
    const cr = run('One.\rThe addict left.');
    expect(cr[0]?.range.start).toMatchObject({ line: 2, column: 5 });
  });
  it('finds the same phrases with CRLF and LF (modulo offsets)', () => {
    const lf = 'Para one.\n\nHe committed\nsuicide in 2019.\n\nThe addict left.';
    const withCrlf = lf.replace(/\n/g, '\r\n');
    const pick = (t: string) => run(t).map((d) => [d.ruleId, d.actual.replace(/\r\n/g, '\n'), d.range.start.line, d.range.start.column]);
    expect(pick(withCrlf)).toEqual(pick(lf));
  });
  it('counts surrogate pairs as two UTF-16 code units', () => {
    const text = '😀😀 The addict 👍 left.';
    const [d] = run(text);
    expect(d?.range.start).toEqual({ line: 1, column: 10, offset: 9 });
    expect(text.slice(d?.range.start.offset, d?.range.end.offset)).toBe('addict');
  });
  it('reports a wrapped phrase across two lines', () => {
    const [d] = run('Her father committed\nsuicide.');
    expect(d?.range.start).toMatchObject({ line: 1, column: 12 });
    expect(d?.range.end).toMatchObject({ line: 2, column: 8 });
  });
});

describe('diagnostics', () => {
  it('carry rule data, suggestions in the case of the text, and sources', () => {
    const [d] = run('Addicts were seen.');
    expect(d).toMatchObject({
      ruleId: 'test/addict',
      category: 'test',
      severity: 'warning',
      actual: 'Addicts',
      suggestions: ['People with a substance use disorder'],
      sources: [{ key: 'TEST-SRC', title: 'Invented source for engine tests', url: 'https://example.invalid/source' }],
    });
    expect(d?.message).toContain('People with a substance use disorder');
    expect(d?.note).toMatch(/plurals/);
    expect(d?.fix).toBeUndefined();
  });
  it('offer a fix only where the rule marks it safe', () => {
    const [d] = run('He committed suicide.');
    expect(d?.fix).toEqual({ range: [3, 20], text: 'died by suicide' });
    const [w] = run('He is wheelchair-bound.');
    expect(w?.fix).toEqual({ range: [3, 22], text: 'uses a wheelchair' });
    // A verb phrase is applied only in place of "is" or "was": after "and" it would not read as a sentence.
    const [v] = run('Weak legs and wheelchair-bound.');
    expect(v?.suggestions[0]).toBe('uses a wheelchair');
    expect(v?.fix).toBeUndefined();
  });
  it('never offer an instruction as a fix', () => {
    const [d] = run('Combative on arrival.');
    expect(d?.suggestions[0]).toBe('[describe the behaviour]');
    expect(d?.fix).toBeUndefined();
    expect(d?.message).toBe('“Combative”: describe the behaviour');
  });
  it('spell suggestions for the locale', () => {
    expect(run('Naughty again.')[0]?.suggestions).toEqual(['Challenging behaviour']);
    expect(run('Naughty again.', { config: { locale: 'en-US' } })[0]?.suggestions).toEqual(['Challenging behavior']);
  });
});

describe('config', () => {
  it('turns rules off or changes severity by id or category', () => {
    expect(run('The addict left.', { config: { rules: { 'test/addict': 'off' } } })).toEqual([]);
    expect(run('The addict left.', { config: { rules: { 'test/*': 'error' } } })[0]?.severity).toBe('error');
    expect(run('The addict left.', { config: { rules: { 'test/*': 'off', 'test/addict': 'hint' } } })[0]?.severity).toBe('hint');
  });
  it('allows phrases', () => {
    expect(run('The addict left.', { config: { allow: ['addict'] } })).toEqual([]);
    expect(run('Known heroin addict.', { config: { allow: ['heroin addict'] } })).toEqual([]);
  });
  it('applies identity-first and person-first preferences only when stated', () => {
    expect(run('A person with autism.')).toEqual([]);
    expect(found(run('A person with autism.', { config: { identity: { autism: 'identity-first' } } }))).toEqual([
      'test/person-with-autism:A person with autism',
    ]);
  });
  it('turns preset-only rules on with their preset', () => {
    expect(run('Ask about his wife.')).toEqual([]);
    expect(run('Ask about his wife.', { config: { preset: 'training-materials' } })).toHaveLength(1);
  });
  it('rejects unknown rule ids with the nearest one', () => {
    expect(() => run('x', { config: { rules: { 'test/adict': 'off' } } })).toThrow(
      /unknown rule "test\/adict" \(did you mean "test\/addict"\?\)/,
    );
  });
  it('rejects an allowed phrase that is not a phrase', () => {
    expect(() => run('x', { config: { allow: ['* addict'] } })).toThrow(/allow/);
  });
});
