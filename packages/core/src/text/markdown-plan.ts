/**
 * How a Markdown document is read, block by block, decided once for both matching paths: its blocks
 * (the one block splitter), which of them are read as plain text because the parser would spend far
 * more than their size on them (markdown-cost.ts), and the blocks of link reference definitions the
 * others are parsed with. The fast path and the reference path take the same plan, so they read the
 * same blocks as text, and the notices say which.
 */
import { type Block, markdownBlocks } from './blocks.js';
import { type MarkdownCost, markdownCost } from './markdown-cost.js';
import { onlyFencedCode } from './markdown-shape.js';
import type { Span } from './spans.js';

export interface MarkdownPlan {
  blocks: Block[];
  /** Per block (the same index): why it is read as plain text, or undefined when it is parsed as Markdown. */
  asText: Array<MarkdownCost | undefined>;
  /** The blocks read as plain text, in order. */
  textSpans: Span[];
  /** Blocks holding link reference definitions, among those parsed as Markdown. */
  definitions: Block[];
}

export function planMarkdown(masked: string): MarkdownPlan {
  const { blocks, definitions } = markdownBlocks(masked);
  const asText: Array<MarkdownCost | undefined> = [];
  const textSpans: Span[] = [];
  const costly = new Set<Block>();
  for (const block of blocks) {
    // Fenced code is not parsed inline, whatever it holds; nothing in it is linted.
    const cost = markdownCost(masked, block.start, block.end);
    const reason = cost && !onlyFencedCode(masked, block.start, block.end) ? cost : undefined;
    asText.push(reason);
    if (reason) {
      textSpans.push([block.start, block.end]);
      costly.add(block);
    }
  }
  return { blocks, asText, textSpans, definitions: costly.size ? definitions.filter((d) => !costly.has(d)) : definitions };
}
