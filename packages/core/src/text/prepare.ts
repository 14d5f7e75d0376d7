/**
 * A document made ready for matching: its ignore directives read, and the text that is never linted
 * (the directives themselves, Markdown front matter) replaced by spaces so every offset stays valid.
 */
import type { DocumentFormat } from '../types.js';
import { FRONT_MATTER } from './blocks.js';
import { type Directives, mask, scanDirectives } from './directives.js';

export interface PreparedDocument {
  directives: Directives;
  /** The text with directives and front matter blanked out: the same length and line breaks. */
  masked: string;
}

/** Undefined when the document opts out entirely (reframe-ignore-file). */
export function prepareDocument(text: string, format: DocumentFormat): PreparedDocument | undefined {
  const directives = scanDirectives(text);
  if (directives.ignoreFile) return undefined;
  const masks = [...directives.masks];
  if (format === 'markdown') {
    const fm = FRONT_MATTER.exec(text);
    if (fm) masks.push([0, fm[0].length]);
  }
  return { directives, masked: mask(text, masks) };
}
