/**
 * The reference path: the truth the fast path must equal. Every block that holds a trigger word is
 * parsed whole, and a Markdown document is parsed as one document.
 */
import type { ResolvedConfig } from '../config/resolve.js';
import type { CompiledRuleSet } from '../rules/compile.js';
import { textBlocks } from '../text/blocks.js';
import { htmlToText } from '../text/html.js';
import type { DocumentFormat } from '../types.js';
import { hasCandidate } from './find.js';
import { processorsFor } from './processors.js';
import { markdownOrText, type Runs, slicer } from './slices.js';

const always = (): boolean => true;

/** `text` is the document as written (quotations are read from it); `masked` has directives and front matter blanked. */
export function runReference(text: string, masked: string, format: DocumentFormat, ruleSet: CompiledRuleSet, config: ResolvedConfig): Runs {
  const processors = processorsFor(ruleSet, config.equality);
  const out: Runs = { matches: [], equality: [] };
  if (format === 'markdown') {
    if (config.equality || hasCandidate(masked, ruleSet.index.triggers))
      markdownOrText(slicer(text, masked, config, out, ruleSet), processors, masked, 0, masked.length, always);
    return out;
  }
  const source = format === 'html' ? htmlToText(masked) : masked;
  const run = slicer(text, source, config, out, ruleSet);
  for (const { start, end } of textBlocks(source)) {
    if (!config.equality && !hasCandidate(source.slice(start, end), ruleSet.index.triggers)) continue;
    run(processors.text, start, end, always);
  }
  return out;
}
