/**
 * The reference path: the truth the fast path must equal. Every block that holds a trigger word is
 * parsed whole, and a Markdown document is parsed as one document.
 */
import { textBlocks } from '../text/blocks.js';
import { htmlToText } from '../text/html.js';
import { planMarkdown } from '../text/markdown-plan.js';
import { hasCandidate } from './find.js';
import { processorsFor } from './processors.js';
import { type MatchingRun, type Runs, slicer, wholeMarkdown } from './slices.js';

const always = (): boolean => true;

/**
 * `text` is the document as written (quotations are read from it); `masked` has directives and front
 * matter blanked. A Markdown document is parsed whole, except the blocks its plan reads as plain text.
 */
export const runReference: MatchingRun = (text, masked, format, ruleSet, config, plan) => {
  const processors = processorsFor(ruleSet, config.equality);
  const out: Runs = { matches: [], equality: [], unparsed: [] };
  const source = format === 'html' ? htmlToText(masked) : masked;
  const run = slicer(text, source, config, out, ruleSet);
  /** Plain text in source[from, to): every block that holds a trigger word, parsed whole. */
  const asText = (from: number, to: number): void => {
    for (const b of textBlocks(source.slice(from, to))) {
      const [start, end] = [b.start + from, b.end + from];
      if (config.equality || hasCandidate(source.slice(start, end), ruleSet.index.triggers)) run(processors.text, start, end, always);
    }
  };
  if (format === 'markdown') {
    if (config.equality || hasCandidate(masked, ruleSet.index.triggers))
      wholeMarkdown({ text, masked, config, ruleSet, processors, out }, plan ?? planMarkdown(masked), asText);
  } else asText(0, source.length);
  return out;
};
