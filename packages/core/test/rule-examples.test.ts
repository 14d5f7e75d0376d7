/**
 * Every rule's own examples, run as tests: each `flag` text must produce a finding from that rule and
 * each `pass` text must produce none from it. Rules that need a stated identity preference run with it.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { bundledRuleSet, exampleConfig } from './helpers.js';

const ruleSet = bundledRuleSet();

describe.each([...ruleSet.rules.values()].map((r) => [r.data.id, r] as const))('%s', (id, rule) => {
  const config = exampleConfig(rule, ruleSet);
  const fromRule = (text: string) => lint(text, { ruleSet, config }).filter((d) => d.ruleId === id);

  it('has at least two flag and two pass examples', () => {
    expect(rule.data.examples.flag.length).toBeGreaterThanOrEqual(2);
    expect(rule.data.examples.pass.length).toBeGreaterThanOrEqual(2);
  });
  it.each(rule.data.examples.flag)('flags: %s', (text) => {
    expect(fromRule(text).length, `expected ${id} to flag: ${text}`).toBeGreaterThan(0);
  });
  it.each(rule.data.examples.pass)('passes: %s', (text) => {
    expect(fromRule(text).map((d) => d.actual)).toEqual([]);
  });
});
