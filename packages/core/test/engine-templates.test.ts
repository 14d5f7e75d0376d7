/**
 * Engine features the clinical rule packs rely on: punctuation inside phrases, wildcards at the edge
 * of exception lists, `{n}` suggestion templates and paragraph-wide requires/unless. Each test builds
 * a tiny invented rule set in memory so that it checks the engine, not the bundled data.
 */
import { describe, expect, it } from 'vitest';
import { type Diagnostic, lint } from '../src/index.js';
import { compilePattern, PatternError } from '../src/rules/pattern.js';
import { type InventedRule, inventedRuleSet } from './core-helpers.js';

const ruleSetOf = (...rules: InventedRule[]) => inventedRuleSet(rules);

const shown = (ds: Diagnostic[]) => ds.map((d) => `${d.actual} → ${d.suggestions.join(' | ')}`);

describe('punctuation inside a phrase', () => {
  const rs = ruleSetOf({ id: 'test/form', match: ["husband's|wife's name / husband's|wife's name"] });
  it('matches only across the punctuation written in the pattern', () => {
    expect(shown(lint("Form: Husband's name / Wife's name.", { ruleSet: rs }))).toEqual(["Husband's name / Wife's name → [reword]"]);
    expect(lint("Husband's name, Wife's name", { ruleSet: rs })).toEqual([]);
    expect(lint("Husband's name Wife's name", { ruleSet: rs })).toEqual([]);
  });
  it('rejects punctuation at either end or twice in a row', () => {
    expect(() => compilePattern('/ name')).toThrow(PatternError);
    expect(() => compilePattern('name /')).toThrow(PatternError);
    expect(() => compilePattern('a / , b')).toThrow(PatternError);
    expect(() => compilePattern('a , b?')).toThrow(/optional/);
  });
});

describe('wildcards in exception lists', () => {
  const rs = ruleSetOf({ id: 'test/partner', match: ['her wife'], exceptions: { notBefore: ['@Cap'] } });
  it('lets notBefore name any capitalised word, across a comma', () => {
    expect(lint('Ask whether her wife will come.', { ruleSet: rs })).toHaveLength(1);
    expect(lint('She lives with her wife, Maria.', { ruleSet: rs })).toEqual([]);
    expect(lint('She lives with her wife Maria.', { ruleSet: rs })).toEqual([]);
  });
  it('still refuses a leading wildcard in a match phrase', () => {
    expect(() => ruleSetOf({ id: 'test/bad', match: ['@Cap wife'] })).toThrow(/wildcard/);
  });
});

describe('suggestion templates', () => {
  const rs = ruleSetOf(
    { id: 'test/doubt', match: [{ phrase: 'supposedly *', suggestions: ['{2}', 'reportedly {2}'] }] },
    { id: 'test/age', match: [{ phrase: 'elderly woman|man , #', plural: false, suggestions: ['{2}, {3}', '{3}-year-old {2}'] }] },
    { id: 'test/user', match: [{ phrase: 'cannabis|ice user', suggestions: ['person who uses {1}'] }] },
    { id: 'test/ill', match: [{ phrase: 'mentally ill patient', suggestions: ['{3} with mental illness'] }] },
    { id: 'test/suffer', match: [{ phrase: 'suffers from (severe)? depression|cerebral-palsy', suggestions: ['has {3-}'] }] },
  );
  it('fills words as written and keeps the sentence capital', () => {
    expect(shown(lint('Supposedly stopped in May.', { ruleSet: rs }))).toEqual(['Supposedly stopped → Stopped | Reportedly stopped']);
  });
  it('fills words joined by punctuation, and numbers open no capital', () => {
    expect(shown(lint('Elderly woman, 84, fell.', { ruleSet: rs }))).toEqual(['Elderly woman, 84 → Woman, 84 | 84-year-old woman']);
  });
  it('pluralises a template that does not repeat the plural word, and not one that does', () => {
    expect(shown(lint('Ice users attend on Mondays.', { ruleSet: rs }))).toEqual(['Ice users → People who use ice']);
    expect(shown(lint('Two mentally ill patients waited.', { ruleSet: rs }))).toEqual([
      'mentally ill patients → patients with mental illness',
    ]);
  });
  it('fills open ranges through optional words and hyphen/space variants', () => {
    expect(shown(lint('She suffers from severe depression.', { ruleSet: rs }))).toEqual([
      'suffers from severe depression → has severe depression',
    ]);
    expect(shown(lint('He suffers from cerebral palsy.', { ruleSet: rs }))).toEqual(['suffers from cerebral palsy → has cerebral palsy']);
  });
  it('refuses a template that points past the shortest match', () => {
    expect(() => ruleSetOf({ id: 'test/bad', match: [{ phrase: 'elderly (woman)?', suggestions: ['{2}'] }] })).toThrow(/word \{2\}/);
  });
});

describe('requires/unless scope', () => {
  const base = { match: ['her husband'], exceptions: { requires: ['script'] } } as const;
  it('looks in the sentence by default and in the paragraph when asked', () => {
    const sentence = ruleSetOf({ id: 'test/s', ...base, exceptions: { requires: ['script'] } });
    const paragraph = ruleSetOf({ id: 'test/p', ...base, exceptions: { requires: ['script'], scope: 'paragraph' } });
    const text = 'Intake script for new clients. Ask whether her husband knows.';
    expect(lint(text, { ruleSet: sentence })).toEqual([]);
    expect(lint(text, { ruleSet: paragraph })).toHaveLength(1);
    expect(lint('Ask whether her husband knows.', { ruleSet: paragraph })).toEqual([]);
  });
  it('looks only before the match with sentence-before', () => {
    const before = ruleSetOf({ id: 'test/b', match: ['her husband'], exceptions: { requires: ['ask'], scope: 'sentence-before' } });
    expect(lint('Ask whether her husband knows.', { ruleSet: before })).toHaveLength(1);
    expect(lint('She and her husband ask about the plan.', { ruleSet: before })).toEqual([]);
    expect(lint('Her husband will ask.', { ruleSet: before })).toEqual([]);
  });
});

describe('scare quotes with a template', () => {
  const rs = ruleSetOf({
    id: 'test/quotes',
    quoted: true,
    match: [{ phrase: 'seizures', plural: false, suggestions: [{ safe: '{1-}' }] }],
  });
  it('flags a quoted diagnosis and offers it without the marks', () => {
    const [d] = lint('More "seizures" at home.', { ruleSet: rs });
    expect(d?.actual).toBe('"seizures"');
    expect(d?.fix?.text).toBe('seizures');
  });
});

describe('exceptions on a scare-quote rule', () => {
  const rs = ruleSetOf({
    id: 'test/quotes',
    quoted: true,
    match: [{ phrase: 'dizziness', plural: false, suggestions: ['{1-}'] }],
    exceptions: { notAfter: ['complaint of'], notBefore: ['spells'], unless: ['mood'] },
  });
  const actual = (text: string) => lint(text, { ruleSet: rs }).map((d) => d.actual);
  it('applies notAfter, notBefore and unless as they apply to other rules', () => {
    expect(actual('More "dizziness" at home.')).toEqual(['"dizziness"']);
    expect(actual('Chief complaint of "dizziness" since Tuesday.')).toEqual([]);
    expect(actual('More "dizziness" spells at home.')).toEqual([]);
    expect(actual('Mood low, and "dizziness" at home.')).toEqual([]);
  });
});

describe('exceptions and clause breaks', () => {
  const rs = ruleSetOf(
    { id: 'test/noun', match: ['a diabetic'], exceptions: { notBefore: ['labs', '@Cap'], notAfter: ['new'] } },
    { id: 'test/adverb', match: ['apparently'], exceptions: { notBefore: ['an'] } },
  );
  const ids = (text: string) => lint(text, { ruleSet: rs }).map((d) => d.ruleId);
  it('do not reach across a comma or semicolon', () => {
    expect(ids('Her father is a diabetic labs pending.')).toEqual([]);
    expect(ids('Her father is a diabetic, labs to be repeated.')).toEqual(['test/noun']);
    expect(ids('Her father is a diabetic; labs to be repeated.')).toEqual(['test/noun']);
    expect(ids('Something new a diabetic was seen.')).toEqual([]);
    expect(ids('Something new, a diabetic was seen.')).toEqual(['test/noun']);
  });
  it('still reach a name in apposition, and past the comma after a sentence’s opening word', () => {
    expect(ids('Her father, a diabetic, Tom, was seen.')).toEqual([]);
    expect(ids('Apparently, an MRI was done.')).toEqual([]);
    expect(ids('The scan was apparently, an MRI said, normal.')).toEqual(['test/adverb']);
  });
});
