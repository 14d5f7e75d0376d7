/**
 * Text-diff helpers for the block linter: what changed between two texts (one edited stretch between
 * a common prefix and suffix), where the lines around an offset start and end, how many line breaks a
 * stretch holds, and a binary search over sorted items. Plain string work, no imports.
 */

/** What changed from the previous text: a common prefix and suffix around one edited stretch. */
export interface Edit {
  prefix: number;
  /** End of the edited stretch in the previous text. */
  oldEnd: number;
  /** End of the edited stretch in the new text. */
  newEnd: number;
  delta: number;
}

/** Line breaks in text[from, to), counted as the block splitter counts them (\r\n is one). */
export function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10 && i + 1 < to) i++;
    }
  }
  return n;
}

/** Start of the line holding `at` (one past the last \n or \r before it). */
export function lineStartBefore(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return 0;
}

/** End of the line holding `from`: the next \n or \r (text.indexOf('\r') would read to the end of a \n-only document). */
export function lineEndFrom(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** text[from, to) widened to whole lines: from the start of the line holding `from` to the end of the one holding `to`. */
export function wholeLines(text: string, from: number, to: number): string {
  return text.slice(lineStartBefore(text, from), lineEndFrom(text, to));
}

/** Compared a chunk at a time (native string equality), then character by character in the last chunk. */
const CHUNK = 4096;

export function commonPrefix(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= shorter && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common ending of a and b, at most `limit`. */
export function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + CHUNK <= limit && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

export function editBetween(old: string, text: string): Edit {
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  return { prefix, oldEnd: old.length - suffix, newEnd: text.length - suffix, delta: text.length - old.length };
}

/** Index of the first of the sorted items for which `after` holds (it must hold for every later one too); items.length if none. */
export function firstWhere<T>(items: readonly T[], after: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(items[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
