/**
 * Every repair of every rule, applied to the rule's own flag examples, must leave a sentence without
 * the grammar slips a word-for-word replacement tends to make: a doubled word ("woman woman"), an
 * article that disagrees with the next word ("an person"), "to be" before a finite verb ("is uses"),
 * or a lower-case sentence start. Instructions in [brackets] are not applied.
 */
import { describe, expect, it } from 'vitest';
import { type Diagnostic, isWording, lint } from '../src/index.js';
import { articleFor } from '../src/repair/articles.js';
import { bundledRuleSet, exampleConfig } from './helpers.js';

const ruleSet = bundledRuleSet();

interface Repaired {
  text: string;
  /** Offsets of the replacement inside `text`. */
  start: number;
  end: number;
}

function repairs(text: string, d: Diagnostic): Repaired[] {
  const [start, end] = [d.range.start.offset, d.range.end.offset];
  return d.repairs
    .filter((r) => isWording(r.kind))
    .map(({ text: s }) => ({ text: text.slice(0, start) + s + text.slice(end), start, end: start + s.length }));
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** The words around the replacement: one before it, all of it, one after it. */
function wordsAround(r: Repaired): Array<{ word: string; at: number }> {
  const all = [...r.text.matchAll(WORD)].map((m) => ({ word: m[0], at: m.index ?? 0 }));
  const first = all.findIndex((w) => w.at + w.word.length > r.start);
  let last = all.findIndex((w) => w.at >= r.end);
  if (last < 0) last = all.length - 1;
  return all.slice(Math.max(0, first - 1), last + 1);
}

function problems(r: Repaired): string[] {
  const out: string[] = [];
  const words = wordsAround(r);
  for (let i = 1; i < words.length; i++) {
    const previous = words[i - 1]?.word ?? '';
    const word = words[i]?.word ?? '';
    const between = r.text.slice((words[i - 1]?.at ?? 0) + previous.length, words[i]?.at ?? 0);
    if (previous.toLowerCase() === word.toLowerCase() && /^\s+$/.test(between)) out.push(`doubled word "${word}"`);
    if (/^an?$/i.test(previous) && /^\s+$/.test(between)) {
      const wanted = articleFor(word);
      if (wanted && wanted !== previous.toLowerCase()) out.push(`"${previous} ${word}"`);
    }
    if (/^(is|are|am|was|were|be|been|being)$/i.test(previous) && /^(has|have|had|uses|use|used|lives|live|lived)$/i.test(word)) {
      out.push(`"${previous} ${word}"`);
    }
  }
  const sentenceStart = /(?:^|[.!?]\s+|\n\s*)$/.test(r.text.slice(0, r.start));
  if (sentenceStart && /^\p{Ll}/u.test(r.text.slice(r.start))) out.push('lower-case sentence start');
  return out;
}

describe.each([...ruleSet.rules.values()].map((r) => [r.data.id, r] as const))('%s', (id, rule) => {
  const config = exampleConfig(rule, ruleSet);
  it.each(rule.data.examples.flag)('repairs grammatically: %s', (text) => {
    const found = lint(text, { ruleSet, config }).filter((d) => d.ruleId === id);
    const bad = found.flatMap((d) => repairs(text, d).flatMap((r) => problems(r).map((p) => `${p} in: ${r.text}`)));
    expect(bad).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const at = (text: string, replaced: string): Repaired => {
    const start = text.indexOf(replaced);
    return { text, start, end: start + replaced.length };
  };
  it('catch the slips they look for', () => {
    expect(problems(at('Triage note - a woman woman was shouting.', 'woman'))).toEqual(['doubled word "woman"']);
    expect(problems(at('He is an person with a substance use disorder.', 'person with'))).toEqual(['"an person"']);
    expect(problems(at('He is uses a wheelchair.', 'uses a wheelchair'))).toEqual(['"is uses"']);
    expect(problems(at('uses a wheelchair since 2009.', 'uses a wheelchair'))).toEqual(['lower-case sentence start']);
  });
  it('pass grammatical repairs', () => {
    expect(problems(at('He is a person with a substance use disorder.', 'a person with'))).toEqual([]);
    expect(problems(at('She had an MRI and uses a wheelchair.', 'uses a wheelchair'))).toEqual([]);
  });
});
