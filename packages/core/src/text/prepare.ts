/**
 * A document made ready for matching: its ignore directives read, and the text that is never linted
 * (the directives themselves, Markdown front matter) replaced by spaces so every offset stays valid.
 */
import { isGenre } from '../scope/kinds.js';
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
    if (fm) {
      masks.push([0, fm[0].length]);
      // `reframe-genre: letter` in the front matter says what kind of document it is.
      const named = /^reframe-genre:[ \t]*["']?([a-z-]+)["']?[ \t]*$/m.exec(fm[0])?.[1];
      if (directives.genre === undefined && isGenre(named)) directives.genre = named;
    }
  }
  return { directives, masked: mask(text, masks) };
}
