/**
 * Wording that repeats the word standing just after it, or just before it, reads as a slip ("a
 * full-blood Aboriginal man" → "an Aboriginal Aboriginal man"): such wording is not offered there.
 */
import type { Repair } from '../types.js';
import { isAdvice } from './conventions.js';
import { wordAfter, wordBefore } from './neighbours.js';

export function dropDoubledWords(text: string, start: number, end: number, suggestions: Repair[]): Repair[] {
  const after = wordAfter(text, end)?.word.toLowerCase();
  const before = wordBefore(text, start)?.word.toLowerCase();
  if (after === undefined && before === undefined) return suggestions;
  return suggestions.filter((r) => {
    if (isAdvice(r)) return true;
    const words = r.text.toLowerCase().split(/\s+/);
    return words.at(-1) !== after && words[0] !== before;
  });
}
