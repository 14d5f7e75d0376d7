/** OpenDocument text (.odt): the paragraphs and headings of content.xml, each offset traceable to its paragraph. */
import { joinPieces, type LocatedText, type Piece } from './located-text.js';
import { decodeXmlText } from './xml.js';
import { ExtractError, readZipParts } from './zip.js';

export interface OdtLocation {
  /** 1-based paragraph (headings and list items count), counting paragraphs that have text. */
  paragraph: number;
}

function paragraphText(inner: string): string {
  const text = inner
    .replace(/<text:note\b[\s\S]*?<\/text:note>/g, '') // footnote bodies are their own paragraphs
    .replace(/<text:s\b[^>]*\/>/g, ' ')
    .replace(/<text:tab\b[^>]*\/>/g, ' ')
    .replace(/<text:line-break\b[^>]*\/>/g, ' ')
    .replace(/<[^>]+>/g, '');
  return decodeXmlText(text).replace(/\s+/g, ' ').trim();
}

export function extractOdt(bytes: Uint8Array): LocatedText<OdtLocation> {
  const parts = readZipParts(bytes, '.odt', (name) => name === 'content.xml' || name === 'META-INF/manifest.xml');
  if (parts.get('META-INF/manifest.xml')?.includes('encryption-data')) {
    throw new ExtractError('password-protected; save an unprotected .odt copy');
  }
  const content = parts.get('content.xml');
  if (content === undefined) throw new ExtractError('not a readable .odt (no content.xml)');
  const pieces: Array<Piece<OdtLocation>> = [];
  // Paragraphs do not nest except through notes and frames, which are dropped with the note bodies above.
  for (const m of content.matchAll(/<text:(p|h)\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:\1>)/g)) {
    const text = paragraphText(m[2] ?? '');
    if (text) pieces.push({ text, where: { paragraph: pieces.length + 1 } });
  }
  return joinPieces(pieces);
}
