/**
 * Read a document as text for linting: plain text, Markdown and HTML as they are; .docx via mammoth;
 * .pptx (slides and speaker notes) and .odt through their XML, each finding traceable to its slide or paragraph.
 */
import { readFileSync } from 'node:fs';
import type { DocumentFormat } from '@reframe/core';
import type { DocumentPlace, FileFormat } from './types.js';

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

/** Slides and speaker notes (.pptx) or paragraphs (.odt) as text, or why the file cannot be read. */
async function loadOffice(format: 'pptx' | 'odt', bytes: Buffer): Promise<LoadOutcome> {
  // Loaded on first use, like mammoth below: the zip reader loads node:worker_threads when it starts.
  const { ExtractError } = await import('./extract/zip.js');
  try {
    if (format === 'pptx') {
      const { extractPptx } = await import('./extract/pptx.js');
      const deck = extractPptx(bytes);
      const place = (offset: number): DocumentPlace => {
        const where = deck.locate(offset) ?? { slide: 1, notes: false, line: 1 };
        return { slide: where.slide, notes: where.notes, slideLine: where.line };
      };
      return { document: { text: deck.text, lintFormat: 'text', bytes, bom: false, place } };
    }
    const { extractOdt } = await import('./extract/odt.js');
    const doc = extractOdt(bytes);
    const place = (offset: number): DocumentPlace => ({ paragraph: doc.locate(offset)?.paragraph ?? 1 });
    return { document: { text: doc.text, lintFormat: 'text', bytes, bom: false, place } };
  } catch (error) {
    if (error instanceof ExtractError) return { skipped: error.message };
    throw error;
  }
}

export async function loadDocument(path: string, format: FileFormat, bytes: Buffer = readFileSync(path)): Promise<LoadOutcome> {
  if (format === 'pptx' || format === 'odt') return loadOffice(format, bytes);
  if (format === 'docx') {
    if ((await import('./extract/zip.js')).isOleCompoundFile(bytes)) {
      return { skipped: 'password-protected, or an old binary Word file rather than .docx; save an unprotected .docx copy' };
    }
    // A .docx is a zip: "PK\x03\x04". Anything else is not a Word document, whatever its name.
    if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) return { skipped: 'not a valid .docx (not a zip file)' };
    // Loaded lazily: mammoth and its zip/XML stack are large and needed only for Word documents.
    const mammoth = (await import('mammoth')).default;
    try {
      const { value } = await mammoth.extractRawText({ buffer: bytes });
      const place = (offset: number): DocumentPlace => ({ paragraph: paragraphAt(value, offset) });
      return { document: { text: value, lintFormat: 'text', bytes, bom: false, place } };
    } catch (error) {
      return { skipped: `not a readable .docx (${(error as Error).message.split('\n')[0]})` };
    }
  }
  if (looksBinary(bytes)) return { skipped: 'looks binary' };
  const { text, bom, encoding } = decodeText(bytes);
  return { document: { text, lintFormat: format, bytes, bom, encoding } };
}

/** 1-based paragraph of an offset in mammoth's raw text, where each paragraph ends with a blank line. */
export function paragraphAt(text: string, offset: number): number {
  let paragraph = 1;
  let at = text.indexOf('\n\n');
  while (at !== -1 && at < offset) {
    paragraph++;
    at = text.indexOf('\n\n', at + 2);
    // Runs of empty paragraphs: each "\n\n" is still one paragraph boundary.
  }
  return paragraph;
}
