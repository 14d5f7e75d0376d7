/**
 * The sequence index: every match, by first token, in the order the sequences were added, however the
 * index splits its buckets (which it does on first lookup, so adding after a lookup must still count).
 */
import { describe, expect, it } from 'vitest';
import { plainParagraphs } from '../src/fast/plain-tokens.js';
import { SequenceIndex } from '../src/matching/matcher.js';
import type { Token } from '../src/matching/tokens.js';
import { compilePattern } from '../src/rules/pattern.js';

function tokensOf(text: string): Token[] {
  const paragraphs = plainParagraphs(text, 0, text.length);
  if (!paragraphs) throw new Error(`not plain text: ${text}`);
  return paragraphs.flatMap((p) => p.tokens);
}

function indexOf(patterns: string[]): SequenceIndex<string> {
  const index = new SequenceIndex<string>();
  for (const pattern of patterns) for (const seq of compilePattern(pattern, { plural: false })) index.add(seq, pattern);
  return index;
}

const found = (index: SequenceIndex<string>, text: string): string[] =>
  index.matches(tokensOf(text)).map((m) => `${m.first}-${m.last} ${m.value}`);

describe('sequence index', () => {
  it('reports matches by first token, then in the order added, across one-word and two-word sequences', () => {
    const index = indexOf(['a danger', 'a', 'a * to', 'a danger to', 'danger']);
    expect(found(index, 'She is a danger to others.')).toEqual(['2-3 a danger', '2-2 a', '2-4 a * to', '2-4 a danger to', '3-3 danger']);
    const reversed = indexOf(['danger', 'a danger to', 'a * to', 'a', 'a danger']);
    expect(found(reversed, 'She is a danger to others.')).toEqual(['2-4 a danger to', '2-4 a * to', '2-2 a', '2-3 a danger', '3-3 danger']);
  });

  it('finds sequences added after a lookup of the same first word', () => {
    const index = indexOf(['a danger']);
    expect(found(index, 'a danger to others')).toEqual(['0-1 a danger']);
    for (const seq of compilePattern('a danger to', { plural: false })) index.add(seq, 'a danger to');
    for (const seq of compilePattern('a', { plural: false })) index.add(seq, 'a');
    expect(found(index, 'a danger to others')).toEqual(['0-1 a danger', '0-2 a danger to', '0-0 a']);
  });

  it('matches case-sensitive sequences on the text as written', () => {
    const index = new SequenceIndex<string>();
    for (const seq of compilePattern('IVDU', { caseSensitive: true, plural: false })) index.add(seq, 'IVDU');
    expect(found(index, 'History of IVDU, not ivdu.')).toEqual(['2-2 IVDU']);
    expect(index.triggers).toEqual(new Set(['ivdu']));
  });
});
