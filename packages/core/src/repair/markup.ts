/**
 * Emphasis markers inside the flagged words ("suffer from **diabetes") belong to the word they mark:
 * the repair keeps them on the same word ("have **diabetes"), so the emphasis still opens and closes;
 * wording that drops the marked word is not offered.
 */
import { escapeRegExp } from '../text/regexp.js';
import type { Repair } from '../types.js';
import { isAdvice } from './conventions.js';

const OPENING = /(?<![\p{L}\p{N}])([*_]{1,3})([\p{L}\p{N}][\p{L}\p{N}'’-]*)/gu;
const CLOSING = /([\p{L}\p{N}][\p{L}\p{N}'’-]*)([*_]{1,3})(?![\p{L}\p{N}])/gu;

export function keepMarkup(actual: string, suggestions: Repair[]): Repair[] {
  if (!actual.includes('*') && !actual.includes('_')) return suggestions;
  const marks: Array<{ word: string; mark: string; before: boolean }> = [];
  for (const m of actual.matchAll(OPENING)) marks.push({ word: m[2] ?? '', mark: m[1] ?? '', before: true });
  for (const m of actual.matchAll(CLOSING)) marks.push({ word: m[1] ?? '', mark: m[2] ?? '', before: false });
  if (marks.length === 0) return suggestions;
  return suggestions.flatMap((r): Repair[] => {
    if (isAdvice(r)) return [r];
    let text = r.text;
    let placed = true;
    for (const { word, mark, before } of marks) {
      // A word not yet marked on this side (it may carry the other side's marker already).
      const at = before
        ? new RegExp(`(?<![\\p{L}\\p{N}*_])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu')
        : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}*_])`, 'iu');
      if (!at.test(text)) placed = false;
      else text = text.replace(at, (w) => (before ? `${mark}${w}` : `${w}${mark}`));
    }
    // A marker with no word to stay on would open or close emphasis somewhere else: not offered.
    return placed ? [{ ...r, text }] : [];
  });
}
