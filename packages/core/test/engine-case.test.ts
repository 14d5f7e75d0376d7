/**
 * adaptCase() reads the flagged text's capitalisation with one loop on ASCII text. It must decide
 * exactly as the Unicode-class version (kept here as the reference) on any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adaptCase, capitalise } from '../src/repair/case.js';

function reference(suggestion: string, actual: string, patternIsLower: boolean, sentenceStart = true, ownCapital = false): string {
  const letters = actual.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && (patternIsLower || /\s/.test(actual))) return suggestion.toUpperCase();
  const firstWord = actual.match(/[\p{L}\p{N}]+/u)?.[0] ?? '';
  const first = actual.match(/\p{L}/u)?.[0];
  const firstCapital = first !== undefined && first === first.toUpperCase() && first !== first.toLowerCase();
  const firstWordCapitals = firstWord === firstWord.toUpperCase();
  if (!patternIsLower && (ownCapital || (firstWord.length > 1 && firstWordCapitals)))
    return sentenceStart && (firstCapital || firstWordCapitals) ? capitalise(suggestion) : suggestion;
  return firstCapital ? capitalise(suggestion) : suggestion;
}

describe('adaptCase', () => {
  it('follows the text it replaces', () => {
    expect(adaptCase('person who uses drugs', 'Addict', true)).toBe('Person who uses drugs');
    expect(adaptCase('person who uses drugs', 'ADDICT', true)).toBe('PERSON WHO USES DRUGS');
    expect(adaptCase('person who injects drugs', 'IVDU', false, false)).toBe('person who injects drugs');
    // A heading in capitals stays in capitals, whatever the rule's own spelling.
    expect(adaptCase('SUBSTANCE misuse', 'SUBSTANCE ABUSE', false, true)).toBe('SUBSTANCE MISUSE');
    expect(adaptCase('person who injects drugs', 'IVDU', false, true)).toBe('Person who injects drugs');
    // The rule's own capital ("European settlement") passes on only at a sentence's start.
    expect(adaptCase('colonisation', 'European settlement', false, false, true)).toBe('colonisation');
    expect(adaptCase('colonisation', 'European settlement', false, true, true)).toBe('Colonisation');
    // A capital the text gives a word the rule writes in lower case passes on ("ASSESSMENT: Substance abuse").
    expect(adaptCase('substance misuse', 'Substance abuse', false, false, false)).toBe('Substance misuse');
  });

  it('decides as the Unicode-class reference on any text', () => {
    const piece = fc.constantFrom('a', 'B', 'ab', 'CD', 'Ivdu', '1', '84', '-', ' ', "'", '’', 'é', 'É', 'ß', 'Σ', 'ǅ', '中', '😀', '.');
    const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(
        text,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('partner', 'person who uses drugs', '84-year-old', 'x'),
        (actual, lower, start, own, suggestion) => {
          expect(adaptCase(suggestion, actual, lower, start, own)).toBe(reference(suggestion, actual, lower, start, own));
        },
      ),
      { numRuns: 5000, seed: 7 },
    );
  });
});
