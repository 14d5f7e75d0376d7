import { describe, expect, it } from 'vitest';
import { pluraliseSuggestion } from '../src/repair/number.js';
import { verbForms } from '../src/rules/inflect.js';
import { compilePattern, PatternError } from '../src/rules/pattern.js';

const forms = (pattern: string, index = 0, options = {}) =>
  compilePattern(pattern, options).map((s) => {
    const t = s.tokens[index];
    return t?.kind === 'words' ? [...t.forms].sort() : [t?.kind];
  });

describe('phrase patterns expand to their variants', () => {
  it('adds plural and possessive forms to the last word', () => {
    expect(forms('addict')).toEqual([['addict', "addict's", 'addicts', "addicts'"]]);
    expect(forms('the elderly', 1, { plural: false })).toEqual([['elderly']]);
  });
  it('handles irregular and -y plurals', () => {
    expect(forms('person')[0]).toContain('people');
    expect(forms('lady')[0]).toContain('ladies');
    expect(forms('psycho')[0]).toContain('psychos');
  });
  it('expands ~verb to inflections, doubling where English may', () => {
    expect(verbForms('commit')).toEqual(expect.arrayContaining(['commit', 'commits', 'committed', 'committing']));
    expect(verbForms('deny')).toEqual(expect.arrayContaining(['deny', 'denies', 'denied', 'denying']));
    expect(verbForms('refuse')).toEqual(expect.arrayContaining(['refuses', 'refused', 'refusing']));
  });
  it('splits hyphenated words and adds the joined form', () => {
    const seqs = compilePattern('wheelchair-bound');
    expect(seqs.map((s) => s.tokens.length).sort()).toEqual([1, 2]);
    expect(forms('wheelchair-bound').flat()).toContain('wheelchairbound');
  });
  it('expands optional tokens and alternatives', () => {
    const seqs = compilePattern('(a|an)? addict|junkie');
    expect(seqs.map((s) => s.tokens.length).sort()).toEqual([1, 2]);
  });
  it('keeps case when asked', () => {
    expect(forms('aboriginal', 0, { caseSensitive: true, plural: false })).toEqual([['aboriginal']]);
    expect(forms('IVDU', 0, { caseSensitive: true, plural: false })).toEqual([['IVDU']]);
  });
  it('rejects patterns that cannot work', () => {
    expect(() => compilePattern('* addict')).toThrow(PatternError);
    expect(() => compilePattern('')).toThrow(PatternError);
    expect(() => compilePattern('add$ct')).toThrow(/not a word/);
    expect(() => compilePattern('a|* b')).toThrow(/wildcard/);
  });
});

describe('suggestions follow the number of the flagged text', () => {
  it.each([
    ['person with a substance use disorder', 'people with a substance use disorder'],
    ['person who uses drugs', 'people who use drugs'],
    ['a person with schizophrenia', 'people with schizophrenia'],
    ['wheelchair user', 'wheelchair users'],
    ['older adult', 'older adults'],
    ['child with disability', 'children with disability'],
  ])('%s → %s', (singular, plural) => {
    expect(pluraliseSuggestion(singular)).toBe(plural);
  });
});
