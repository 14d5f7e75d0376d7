/**
 * The word just before or just after a place in the text, on the same line, with the spaces between.
 * A scan from the place outwards: a regular expression anchored at the end of a slice retries at
 * every position, and these run for every finding.
 */

const isWordChar = (c: string): boolean => /[\p{L}\p{N}'’-]/u.test(c);
const isGap = (c: string | undefined): boolean => c === ' ' || c === '\t';

export interface Neighbour {
  word: string;
  /** Where the word starts (before) or ends (after), the spaces included up to `at`. */
  from: number;
}

/** The word before `at` (spaces or tabs between, no line break), if any, at most `reach` characters back. */
export function wordBefore(text: string, at: number, reach = 40): Neighbour | undefined {
  const floor = Math.max(0, at - reach);
  let i = at;
  while (i > floor && isGap(text[i - 1])) i--;
  if (i === at) return undefined;
  const end = i;
  while (i > floor && isWordChar(text[i - 1] as string)) i--;
  if (i === end) return undefined;
  return { word: text.slice(i, end), from: i };
}

/** The word after `at` (spaces or tabs between, no line break), if any, at most `reach` characters on. */
export function wordAfter(text: string, at: number, reach = 40): Neighbour | undefined {
  const ceiling = Math.min(text.length, at + reach);
  let i = at;
  while (i < ceiling && isGap(text[i])) i++;
  if (i === at) return undefined;
  const start = i;
  while (i < ceiling && isWordChar(text[i] as string)) i++;
  if (i === start) return undefined;
  return { word: text.slice(start, i), from: i };
}
