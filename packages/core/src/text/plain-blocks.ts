/** Plain-text blocks: the stretches of a text between blank lines. */
import type { Span } from './spans.js';

const BLOCK_BREAK = /\r?\n[ \t]*\r?\n|\r[ \t]*\r/g;

/** Blocks separated by blank lines, as [start, end) offsets. */
export function plainBlocks(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(BLOCK_BREAK)) {
    const end = m.index ?? 0;
    if (end > start) out.push([start, end]);
    start = end + m[0].length;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}
