/**
 * A degree word just before the flagged words ("a very pleasant man", "mildly obese woman") modifies
 * the word a repair may replace. Where the rule says so (`degreeWords: omit`), the degree word goes
 * with it ("a very pleasant 57-year-old" → "a 57-year-old"); elsewhere wording that does not keep the
 * flagged word first would strand it ("mildly woman with obesity", "a very history limited"), and
 * dropping it would change the severity recorded, so such wording is not offered there.
 */
import { type CueList, cueAt } from '../scope/cues.js';
import type { Repair } from '../types.js';
import { isAdvice } from './conventions.js';
import { wordBefore } from './neighbours.js';

export interface DegreeRepair {
  /** Where the repair now starts: at the degree word, when it is taken in. */
  start: number;
  suggestions: Repair[];
}

/** The repair around a degree word before `start`, or undefined when there is none or nothing changes. */
export function repairDegree(
  text: string,
  start: number,
  end: number,
  suggestions: Repair[],
  degree: CueList,
  degreeWords: 'omit' | 'keep' = 'keep',
): DegreeRepair | undefined {
  const before = wordBefore(text, start, 30);
  const word = before?.word;
  if (!before || !word || !/^\p{L}+$/u.test(word) || cueAt([word.toLowerCase()], 0, degree) === 0) return undefined;
  const flaggedFirst = /^[\p{L}\p{N}'’-]+/u.exec(text.slice(start, end))?.[0]?.toLowerCase();
  const keepsWord = (r: Repair) => isAdvice(r) || r.text.split(/\s+/)[0]?.toLowerCase() === flaggedFirst;
  if (suggestions.every(keepsWord)) return undefined;
  if (degreeWords === 'omit') {
    // The range now starts at the degree word: its capital ("Very pleasant man …") passes on.
    const capital = /^\p{Lu}/u.test(word);
    const recased = capital
      ? suggestions.map((r) => (isAdvice(r) ? r : { ...r, text: r.text.charAt(0).toUpperCase() + r.text.slice(1) }))
      : suggestions;
    return { start: before.from, suggestions: recased };
  }
  const kept = suggestions.filter(keepsWord);
  return kept.length > 0 ? { start, suggestions: kept } : undefined;
}
