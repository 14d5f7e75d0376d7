/**
 * The word hash shared by the prefilter's two halves: anchors.ts hashes each anchor's key once at
 * compile time, prefilter.ts hashes every word of a document while it scans. Both must agree.
 */

/** ASCII letters and digits: the boundaries the anchor scan uses. */
export const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;

/** Hashes are kept to 30 bits: small integers need no boxing in maps and sets. */
export const SMALL_INT = 0x3fffffff;
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** The hash the scan computes while it reads a word: lower-cased ASCII letters, FNV-style. */
export function wordHash(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ (word.charCodeAt(i) | 32), FNV_PRIME);
  return h & SMALL_INT;
}
