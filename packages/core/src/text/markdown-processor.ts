/**
 * The Markdown stack (remark-parse, remark-retext), in a module of its own so that a bundle can load it
 * only when a Markdown document is linted (see packages/cli/scripts/bundle.mjs).
 */
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import { type Processor, unified } from 'unified';
import { ReframeEnglish } from './english-parser.js';

/** remark-parse, then remark-retext with the English parser (english-parser.ts); the caller adds the checking plugins. */
export function markdownProcessor(): Processor {
  return unified().use(remarkParse).use(remarkRetext, ReframeEnglish) as unknown as Processor;
}
