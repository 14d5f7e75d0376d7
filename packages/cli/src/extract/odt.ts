/**
 * OpenDocument text (.odt): the paragraphs and headings of content.xml, each offset traceable to its
 * paragraph, read in one pass (xml.ts). A paragraph inside another (a footnote's body, a text box)
 * is its own paragraph, numbered where it starts; the footnote's number is left out.
 */
import { joinPieces, type LocatedText, type Piece } from './located-text.js';
import { decodeXmlText, scanXml } from './xml.js';
import { ExtractError, readZipTexts } from './zip.js';

export interface OdtLocation {
  /** 1-based paragraph (headings and list items count), counting paragraphs that have text. */
  paragraph: number;
}

/** Paragraphs nested deeper than this (never in a real document) are read as part of the one around them. */
const MAX_NESTING = 32;
const SPACE_ELEMENTS = new Set(['text:s', 'text:tab', 'text:line-break']);

function isParagraph(name: string): boolean {
  return name === 'text:p' || name === 'text:h';
}

/** The text of each paragraph (empty ones included), in the order the paragraphs start. */
function paragraphTexts(content: string): string[] {
  const texts: string[] = [];
  /** Open paragraphs: where each one's text goes in `texts`, innermost last. */
  const open: number[] = [];
  const raw: string[] = [];
  /** Paragraph start tags beyond MAX_NESTING, still to be closed. */
  let tooDeep = 0;
  let citationDepth = 0;
  const close = () => {
    const slot = open.pop();
    if (slot === undefined) return;
    texts[slot] = decodeXmlText(raw[slot] ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    raw[slot] = '';
  };
  scanXml(content, {
    open: (name, _attributes, selfClosing) => {
      if (isParagraph(name)) {
        if (selfClosing) return;
        if (open.length >= MAX_NESTING) tooDeep++;
        else {
          open.push(texts.length);
          texts.push('');
          raw.push('');
        }
      } else if (name === 'text:note-citation' && !selfClosing) citationDepth++;
      else if (SPACE_ELEMENTS.has(name)) {
        const slot = open.at(-1);
        if (slot !== undefined && citationDepth === 0) raw[slot] += ' ';
      }
    },
    close: (name) => {
      if (isParagraph(name)) {
        if (tooDeep > 0) tooDeep--;
        else close();
      } else if (name === 'text:note-citation') citationDepth = Math.max(0, citationDepth - 1);
    },
    text: (text, cdata) => {
      const slot = open.at(-1);
      if (slot !== undefined && citationDepth === 0) raw[slot] += cdata ? text.replace(/&/g, '&amp;') : text;
    },
  });
  while (open.length) close();
  return texts;
}

/** `limit`: the most the parts read may unpack to, in bytes. */
export function extractOdt(bytes: Uint8Array, limit: number): LocatedText<OdtLocation> {
  const parts = readZipTexts(bytes, '.odt', (name) => name === 'content.xml' || name === 'META-INF/manifest.xml', limit);
  if (parts.get('META-INF/manifest.xml')?.includes('encryption-data')) {
    throw new ExtractError('password-protected; save an unprotected .odt copy');
  }
  const content = parts.get('content.xml');
  if (content === undefined) throw new ExtractError('not a readable .odt (no content.xml)');
  const pieces: Array<Piece<OdtLocation>> = [];
  for (const text of paragraphTexts(content)) if (text) pieces.push({ text, where: { paragraph: pieces.length + 1 } });
  return joinPieces(pieces);
}
