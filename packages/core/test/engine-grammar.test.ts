/**
 * The grammar steps that keep a repair grammatical in its sentence: a/an agreement, "to be" before a
 * verb-phrase repair, pronoun slots and the capital of an initialism. Each test builds a tiny invented
 * rule set, so it checks the engine rather than the bundled data.
 */
import { describe, expect, it } from 'vitest';
import { type Diagnostic, lint } from '../src/index.js';
import { agreeArticlesWithin, articleBefore, articleFor } from '../src/repair/articles.js';
import { personBefore } from '../src/repair/pronouns.js';
import { type InventedRule, inventedRuleSet } from './core-helpers.js';

const ruleSetOf = (...rules: InventedRule[]) => inventedRuleSet(rules);

/** The text with the diagnostic's first suggestion applied at its range. */
const applied = (text: string, d: Diagnostic | undefined, which = 0): string =>
  d ? text.slice(0, d.range.start.offset) + d.suggestions[which] + text.slice(d.range.end.offset) : text;

describe('articleFor', () => {
  it.each([
    ['apple', 'an'],
    ['addict', 'an'],
    ['uncle', 'an'],
    ['urgent', 'an'],
    ['person', 'a'],
    ['hour', 'an'],
    ['honest', 'an'],
    ['user', 'a'],
    ['unit', 'a'],
    ['urine', 'a'],
    ['European', 'a'],
    ['one-off', 'a'],
    ['MRI', 'an'],
    ['NGO', 'an'],
    ['UTI', 'a'],
    ['X-ray', 'an'],
    ['8-year-old', 'an'],
    ['18-year-old', 'an'],
    ['11', 'an'],
    ['110', 'a'],
    ['23-year-old', 'a'],
  ])('%s takes "%s"', (word, article) => {
    expect(articleFor(word)).toBe(article);
  });
  it('has no article for punctuation', () => {
    expect(articleFor('—')).toBeUndefined();
  });
});

describe('articleBefore', () => {
  it('finds a lower-case article, and a capital one unless a word stands before it', () => {
    expect(articleBefore('He is an addict', 9)?.text).toBe('an');
    expect(articleBefore('An addict', 3)).toEqual({ start: 0, text: 'An' });
    expect(articleBefore('Seen today. A addict', 14)?.text).toBe('A');
    expect(articleBefore('Hepatitis A addict', 12)).toBeUndefined();
    expect(articleBefore('Type A\naddict', 7)).toBeUndefined();
    expect(articleBefore('EXAMINATION: , An addict', 18)?.text).toBe('An');
  });
  it('does not take the end of a word for an article', () => {
    expect(articleBefore('Ana addict', 4)).toBeUndefined();
  });
});

describe('agreeArticlesWithin', () => {
  it('fixes an article copied by a template', () => {
    expect(agreeArticlesWithin('an person with anorexia nervosa')).toBe('a person with anorexia nervosa');
    expect(agreeArticlesWithin('a 8-year-old with psychosis')).toBe('an 8-year-old with psychosis');
  });
  it('leaves capital letters that are not articles alone', () => {
    expect(agreeArticlesWithin('hepatitis A infection')).toBe('hepatitis A infection');
  });
});

describe('the article before a repair', () => {
  const rs = ruleSetOf({
    id: 'test/addict',
    match: [{ phrase: 'addict', suggestions: [{ safe: 'person with a substance use disorder' }, 'addict in recovery'] }],
  });
  it('takes the article in when the repair needs a different one', () => {
    const text = 'He is an addict.';
    const [d] = lint(text, { ruleSet: rs });
    expect(d?.actual).toBe('an addict');
    expect(d?.suggestions).toEqual(['a person with a substance use disorder', 'an addict in recovery']);
    expect(d?.fix).toEqual({ range: [6, 15], text: 'a person with a substance use disorder' });
    expect(applied(text, d)).toBe('He is a person with a substance use disorder.');
  });
  it('keeps the capital of an article that starts the sentence', () => {
    const [d] = lint('An addict was seen.', { ruleSet: rs });
    expect(d?.suggestions[0]).toBe('A person with a substance use disorder');
  });
  it('leaves the range alone when every repair agrees with the article', () => {
    const agreeing = ruleSetOf({ id: 'test/junkie', match: [{ phrase: 'junkie', suggestions: ['person who uses drugs'] }] });
    const [d] = lint('He is a junkie.', { ruleSet: agreeing });
    expect(d?.actual).toBe('junkie');
    expect(d?.suggestions).toEqual(['person who uses drugs']);
  });
  it('drops the article before a repair that brings its own or starts with a preposition', () => {
    const own = ruleSetOf({
      id: 'test/ex',
      match: [{ phrase: 'ex-junkie', suggestions: ['the person in recovery', 'in long-term recovery'] }],
    });
    const text = 'He is an ex-junkie.';
    const [d] = lint(text, { ruleSet: own });
    expect(applied(text, d, 0)).toBe('He is the person in recovery.');
    expect(applied(text, d, 1)).toBe('He is in long-term recovery.');
  });
});

describe('"to be" before a verb-phrase repair', () => {
  const rs = ruleSetOf({
    id: 'test/wheelchair',
    match: [{ phrase: 'wheelchair-bound', suggestions: [{ safe: 'uses a wheelchair' }, 'a wheelchair user'] }],
  });
  it.each([
    ['He is wheelchair-bound.', 'He uses a wheelchair.', 'He is a wheelchair user.'],
    ['She was wheelchair-bound until 2019.', 'She used a wheelchair until 2019.', 'She was a wheelchair user until 2019.'],
    ['He has been wheelchair-bound for years.', 'He has used a wheelchair for years.', 'He has been a wheelchair user for years.'],
    ['She may be wheelchair-bound.', 'She may use a wheelchair.', 'She may be a wheelchair user.'],
  ])('%s', (text, preferred, other) => {
    const [d] = lint(text, { ruleSet: rs });
    expect(applied(text, d, 0)).toBe(preferred);
    expect(applied(text, d, 1)).toBe(other);
    expect(d?.fix?.text).toBe(d?.suggestions[0]);
  });
  it('keeps a verb-phrase repair after a subject', () => {
    const suffers = ruleSetOf({ id: 'test/suffers', match: [{ phrase: 'suffers from', suggestions: ['has', 'lives with'] }] });
    expect(lint('He suffers from asthma.', { ruleSet: suffers })[0]?.suggestions).toEqual(['has', 'lives with']);
  });
  it('keeps a verb-phrase repair where a clause starts', () => {
    const text = 'Wheelchair-bound since 2009.';
    const [d] = lint(text, { ruleSet: rs });
    expect(d?.suggestions).toEqual(['Uses a wheelchair', 'A wheelchair user']);
  });
  it('drops a verb-phrase repair where no verb can stand, unless nothing else is left', () => {
    const both = ruleSetOf({
      id: 'test/alcoholic',
      match: [{ phrase: 'alcoholic', suggestions: ['person with alcohol use disorder', 'has alcohol use disorder'] }],
    });
    expect(lint('Known alcoholic, lives alone.', { ruleSet: both })[0]?.suggestions).toEqual(['person with alcohol use disorder']);
    expect(lint('Three alcoholics were admitted.', { ruleSet: both })[0]?.suggestions).toEqual(['people with alcohol use disorder']);
    expect(lint('He is not wheelchair-bound.', { ruleSet: rs })[0]?.suggestions).toEqual(['a wheelchair user']);
    const onlyVerb = ruleSetOf({ id: 'test/alcoholic', match: [{ phrase: 'alcoholic', suggestions: ['has alcohol use disorder'] }] });
    expect(lint('Known alcoholic, lives alone.', { ruleSet: onlyVerb })[0]?.suggestions).toEqual(['has alcohol use disorder']);
  });
  it('keeps "to be" and drops a verb-phrase repair before a relative clause', () => {
    const diabetic = ruleSetOf({
      id: 'test/diabetic',
      match: [{ phrase: 'a diabetic', suggestions: ['a person with diabetes', 'has diabetes'] }],
    });
    const text = 'She is a diabetic who manages her own insulin.';
    const [d] = lint(text, { ruleSet: diabetic });
    expect(d?.suggestions).toEqual(['a person with diabetes']);
    expect(applied(text, d)).toBe('She is a person with diabetes who manages her own insulin.');
  });
  it('turns "is an epileptic" into "has epilepsy" across the article', () => {
    const epilepsy = ruleSetOf({
      id: 'test/epileptic',
      match: [{ phrase: 'epileptic', plural: false, suggestions: ['has epilepsy', 'person with epilepsy'] }],
    });
    const text = 'He is an epileptic and cannot drive.';
    const [d] = lint(text, { ruleSet: epilepsy });
    expect(applied(text, d, 0)).toBe('He has epilepsy and cannot drive.');
    expect(applied(text, d, 1)).toBe('He is a person with epilepsy and cannot drive.');
  });
});

describe('pronoun slots', () => {
  const rs = ruleSetOf({
    id: 'test/commit',
    match: [{ phrase: 'commit suicide', suggestions: ['end {their} life', 'kill {themselves}'] }],
  });
  it.each([
    ['Said he would commit suicide.', 'end his life', 'kill himself'],
    ['She spoke about wanting to commit suicide.', 'end her life', 'kill herself'],
    ['They might commit suicide.', 'end their life', 'kill themselves'],
    ['Threatened to commit suicide.', 'end their life', 'kill themselves'],
    ['She said her father might commit suicide.', 'end their life', 'kill themselves'],
  ])('%s', (text, first, second) => {
    expect(lint(text, { ruleSet: rs })[0]?.suggestions).toEqual([first, second]);
  });
  it('looks only within the sentence and a few words back', () => {
    expect(personBefore('He left. Then wanted to', 23)).toBe('they');
    expect(personBefore('he walked to the shop and then', 30)).toBe('they');
  });
});

describe('capitals of initialisms', () => {
  const rs = ruleSetOf({
    id: 'test/ivdu',
    match: [{ phrase: 'IVDU', caseSensitive: true, plural: false, suggestions: ['person who injects drugs'] }],
  });
  it('are passed on only at a sentence start', () => {
    expect(lint('Known IVDU, presenting today.', { ruleSet: rs })[0]?.suggestions).toEqual(['person who injects drugs']);
    expect(lint('IVDU, presenting today.', { ruleSet: rs })[0]?.suggestions).toEqual(['Person who injects drugs']);
    expect(lint('Seen today. IVDU.', { ruleSet: rs })[0]?.suggestions).toEqual(['Person who injects drugs']);
  });
});
