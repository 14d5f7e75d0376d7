/** The matcher's capital and number tests take an ASCII shortcut; they must agree with the Unicode classes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SequenceIndex } from '../src/matching/matcher.js';
import type { Token } from '../src/matching/tokens.js';
import type { Sequence } from '../src/rules/pattern.js';

const token = (text: string, start: number): Token => ({
  text,
  lower: text.toLowerCase(),
  start,
  end: start + text.length,
  join: start ? 'space' : 'start',
  sentence: 0,
});

/** Whether "met @Cap" and "met #" match "met <word>". */
function matchesAfterMet(word: string): { capital: boolean; number: boolean } {
  const met = { kind: 'words' as const, forms: new Set(['met']), pluralForms: new Set<string>() };
  const index = new SequenceIndex<string>();
  const capital: Sequence = { tokens: [met, { kind: 'capitalised' }], caseSensitive: false };
  const number: Sequence = { tokens: [met, { kind: 'number' }], caseSensitive: false };
  index.add(capital, 'capital');
  index.add(number, 'number');
  const found = index.matches([token('met', 0), token(word, 4)]).map((m) => m.value);
  return { capital: found.includes('capital'), number: found.includes('number') };
}

describe('capital and number token tests', () => {
  it('agree with \\p{Lu} and \\p{N} on any word', () => {
    const piece = fc.constantFrom('A', 'z', 'Z', 'a', '0', '9', '½', '٣', 'É', 'é', 'Σ', 'ǅ', '中', "'", '-');
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 5 }).map((p) => p.join('')),
        (word) => {
          expect(matchesAfterMet(word)).toEqual({ capital: /^\p{Lu}/u.test(word), number: /^\p{N}+$/u.test(word) });
        },
      ),
      { numRuns: 3000, seed: 3 },
    );
  });
});
