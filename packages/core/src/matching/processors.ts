/**
 * The unified processors a rule set is matched with: retext-english for plain text, remark for
 * Markdown (built on first use, so plain-text runs never load the Markdown stack), each with Reframe's
 * retext plugin and, for the opt-in pack, retext-equality. One set per rule set and equality setting.
 */
import type { Root } from 'nlcst';
import { type Processor, unified } from 'unified';
import { useEquality } from '../equality/plugin.js';
import type { CompiledRuleSet } from '../rules/compile.js';
import { ReframeEnglish } from '../text/english-parser.js';
import { markdownProcessor } from '../text/markdown-processor.js';
import { retextReframe } from './retext-reframe.js';

/** retext-english's parser, with the English parser of text/english-parser.ts. */
function retextEnglish(this: Processor): void {
  this.parser = (document: string): Root => new ReframeEnglish().parse(document);
}

export interface Processors {
  text: Processor;
  /** Built on first use: plain-text runs never load the Markdown stack. */
  markdown: () => Processor;
}

const processorCache = new WeakMap<CompiledRuleSet, Map<boolean, Processors>>();

export function processorsFor(ruleSet: CompiledRuleSet, equality: boolean): Processors {
  let byMode = processorCache.get(ruleSet);
  if (!byMode) processorCache.set(ruleSet, (byMode = new Map()));
  let found = byMode.get(equality);
  if (!found) {
    const checking = (processor: Processor): Processor => {
      if (equality) useEquality(processor);
      return processor.use(retextReframe, { ruleSet }) as unknown as Processor;
    };
    let markdown: Processor | undefined;
    found = {
      text: checking(unified().use(retextEnglish) as unknown as Processor),
      markdown: () => (markdown ??= checking(markdownProcessor())),
    };
    byMode.set(equality, found);
  }
  return found;
}
