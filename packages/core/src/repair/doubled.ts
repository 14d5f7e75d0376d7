/**
 * Wording that repeats the word standing just after it, or just before it, reads as a slip ("a
 * full-blood Aboriginal man" → "an Aboriginal Aboriginal man"): such wording is not offered there.
 */
import type { Repair } from '../types.js';
import { isAdvice } from './conventions.js';

const WORD_AFTER = /^[ \t]+([\p{L}\p{N}'’-]+)/u;
const WORD_BEFORE = /([\p{L}\p{N}'’-]+)[ \t]+$/u;

export function dropDoubledWords(text: string, start: number, end: number, suggestions: Repair[]): Repair[] {
  const after = WORD_AFTER.exec(text.slice(end, end + 40))?.[1]?.toLowerCase();
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1]?.toLowerCase();
  if (after === undefined && before === undefined) return suggestions;
  return suggestions.filter((r) => {
    if (isAdvice(r)) return true;
    const words = r.text.toLowerCase().split(/\s+/);
    return words.at(-1) !== after && words[0] !== before;
  });
}
