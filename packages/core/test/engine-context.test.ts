/**
 * How findings interact: a rule reports overlapping wording once, and a list of terms that follows a
 * mention cue is a mention throughout. Tiny invented rule sets keep the test about the engine.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { type InventedRule, inventedRuleSet } from './core-helpers.js';

const ruleSetOf = (rules: InventedRule[], mentionCues: string[] = []) => inventedRuleSet(rules, { mentionCues });

describe('overlapping findings', () => {
  it('one rule reports overlapping wording once; different rules both report', () => {
    const rs = ruleSetOf([
      { id: 'test/labels', match: ['very demanding', 'demanding and rude'] },
      { id: 'other/rude', match: ['rude to'] },
    ]);
    const found = lint('Very demanding and rude to staff.', { ruleSet: rs }).map((d) => `${d.ruleId}:${d.actual}`);
    expect(found).toEqual(['test/labels:Very demanding', 'other/rude:rude to']);
  });
});

describe('mentioned terms in a list', () => {
  const rs = ruleSetOf([{ id: 'test/labels', match: ['addict', 'junkie', 'alcoholic'] }], ['avoid', 'terms like']);
  it('treats every item after a mention cue as mentioned', () => {
    expect(lint('Avoid: addict, junkie and alcoholic.', { ruleSet: rs })).toEqual([]);
    expect(lint('Terms like addict or junkie hurt.', { ruleSet: rs })).toEqual([]);
  });
  it('does not carry a mention into the next sentence or past other words', () => {
    expect(lint('Avoid addict. Junkie in bed 4.', { ruleSet: rs }).map((d) => d.actual)).toEqual(['Junkie']);
    expect(lint('Avoid addict; the junkie in bed 4 is waiting.', { ruleSet: rs }).map((d) => d.actual)).toEqual(['junkie']);
  });
});

describe('exceptions read the match’s own sentence', () => {
  const rs = ruleSetOf([{ id: 'test/noun', match: ['a schizophrenic'], exceptions: { notBefore: ['right'], notAfter: ['was'] } }]);
  const found = (text: string) => lint(text, { ruleSet: rs }).map((d) => d.actual);

  it('applies notBefore and notAfter inside the sentence', () => {
    expect(found('Described as a schizophrenic right away.')).toEqual([]);
    expect(found('It was a schizophrenic presentation.')).toEqual([]);
  });

  it('does not let the next or previous sentence’s words cancel a finding', () => {
    expect(found('The referral describes him as a schizophrenic. Right ventricular pressure was normal.')).toEqual(['a schizophrenic']);
    expect(found('Pressure was. A schizophrenic label was used.')).toEqual(['A schizophrenic']);
  });
});
