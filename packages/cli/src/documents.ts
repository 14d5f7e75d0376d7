/**
 * Read a document as text for linting: plain text, Markdown and HTML as they are; .docx via mammoth;
 * .pptx (slides and speaker notes) and .odt through their XML, each finding traceable to its slide or paragraph.
 */
import type { DocumentFormat } from '@reframe/core';
import { type DocumentPlace, type FileFormat, isOfficeFormat, type OfficeFormat } from './types.js';

export interface LoadedDocument {
  /** The text that is linted (for office documents: the extracted text, paragraphs separated by blank lines). */
  text: string;
  /** The format the text is linted as. */
  lintFormat: DocumentFormat;
  /** The file's raw bytes, for hashing. */
  bytes: Buffer;
  /** The file began with a byte order mark (stripped from `text`). */
  bom: boolean;
  /** How the bytes are encoded: UTF-8 unless a UTF-16 byte order mark says otherwise. */
  encoding?: TextEncodingName;
  /** For office documents: the slide or paragraph an offset of `text` came from. */
  place?: (offset: number) => DocumentPlace;
}

export type TextEncodingName = 'utf8' | 'utf16le' | 'utf16be';

export type LoadOutcome = { document: LoadedDocument } | { skipped: string };

/** UTF-16 with a byte order mark, or nothing. */
function utf16Of(bytes: Buffer): TextEncodingName | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  return undefined;
}

/** NUL bytes are a reliable sign of a binary file, once UTF-16 (which has them) is recognised by its BOM. */
function looksBinary(bytes: Buffer): boolean {
  return utf16Of(bytes) === undefined && bytes.includes(0);
}

export function decodeText(bytes: Buffer): { text: string; bom: boolean; encoding: TextEncodingName } {
  const utf16 = utf16Of(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16 === 'utf16le' ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
    return { text, bom: true, encoding: utf16 };
  }
  let text = bytes.toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  return { text, bom, encoding: 'utf8' };
}

/** Encode text back the way it was read (BOM included when there was one). */
export function encodeText(text: string, bom: boolean, encoding: TextEncodingName = 'utf8'): Buffer {
  if (encoding === 'utf8') return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return encoding === 'utf16le' ? le : le.swap16();
}

/**
 * Slides and speaker notes (.pptx), paragraphs (.odt) or the body (.docx) as text, or why the file
 * cannot be read. `limit`: the most its parts may unpack to, in bytes.
 */
async function loadOffice(format: OfficeFormat, bytes: Buffer, limit: number): Promise<LoadOutcome> {
  // Loaded on first use: the zip reader loads node:worker_threads when it starts, and mammoth (.docx) is large.
  const { ExtractError } = await import('./extract/zip.js');
  try {
    if (format === 'pptx') {
      const { extractPptx } = await import('./extract/pptx.js');
      const deck = extractPptx(bytes, limit);
      const place = (offset: number): DocumentPlace => {
        const where = deck.locate(offset) ?? { slide: 1, notes: false, line: 1 };
        return { slide: where.slide, notes: where.notes, slideLine: where.line };
      };
      return { document: { text: deck.text, lintFormat: 'text', bytes, bom: false, place } };
    }
    const doc = format === 'odt' ? (await import('./extract/odt.js')).extractOdt(bytes, limit) : await docx(bytes, limit);
    const place = (offset: number): DocumentPlace => ({ paragraph: doc.locate(offset)?.paragraph ?? 1 });
    return { document: { text: doc.text, lintFormat: 'text', bytes, bom: false, place } };
  } catch (error) {
    if (error instanceof ExtractError) return { skipped: error.message };
    throw error;
  }
}

async function docx(bytes: Buffer, limit: number) {
  const { isOleCompoundFile, ExtractError } = await import('./extract/zip.js');
  if (isOleCompoundFile(bytes)) {
    throw new ExtractError('password-protected, or an old binary Word file rather than .docx; save an unprotected .docx copy');
  }
  // A .docx is a zip: "PK\x03\x04". Anything else is not a Word document, whatever its name.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new ExtractError('not a valid .docx (not a zip file)');
  return (await import('./extract/docx.js')).extractDocx(bytes, limit);
}

/**
 * The document in `bytes` as text to lint, or why it was skipped. `limit` (the size
 * limit, in bytes) also caps what an office document's parts may unpack to.
 */
export async function loadDocument(format: FileFormat, bytes: Buffer, limit: number): Promise<LoadOutcome> {
  if (isOfficeFormat(format)) return loadOffice(format, bytes, limit);
  if (looksBinary(bytes)) return { skipped: 'looks binary' };
  const { text, bom, encoding } = decodeText(bytes);
  return { document: { text, lintFormat: format, bytes, bom, encoding } };
}
