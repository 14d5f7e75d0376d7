/**
 * Word (.docx): the text of the body, read by mammoth, but from a zip made here of only the document's
 * XML parts, unpacked within the size limit (zip.ts) and each checked in one pass to be a well-formed
 * tree of sensible depth first: mammoth's XML parser slows to a crawl (or overflows its stack) on
 * comments or tags that never close, and on mismatched or very deep nesting.
 */
import { zipSync } from 'fflate';
import mammoth from 'mammoth';
import type { LocatedText } from './located-text.js';
import { xmlProblem } from './xml.js';
import { ExtractError, readZipParts } from './zip.js';

export interface DocxLocation {
  /** 1-based paragraph, counting every paragraph (empty ones too), as mammoth writes them. */
  paragraph: number;
}

/** Deeper than any real document (tables in tables, text boxes, content controls) and well inside mammoth's stack. */
const MAX_DEPTH = 256;
const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

/**
 * Where each paragraph after the first starts in mammoth's raw text, where every paragraph ends with a
 * blank line: the positions of each "\n\n", found left to right without overlap.
 */
function paragraphBreaks(text: string): number[] {
  const breaks: number[] = [];
  for (let at = text.indexOf('\n\n'); at !== -1; at = text.indexOf('\n\n', at + 2)) breaks.push(at);
  return breaks;
}

/** 1-based paragraph of an offset: one more than the breaks before it (binary search, so many findings cost little). */
export function paragraphOf(breaks: readonly number[], offset: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((breaks[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** The message for a failure inside mammoth: what kind of problem, never its text (which may quote the document). */
function mammothProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (message.startsWith('Could not find main document part')) return 'not a readable .docx (no main document part)';
  if (error instanceof RangeError) return 'not a readable .docx (nested too deeply)';
  return 'not a readable .docx (its XML could not be read)';
}

/** `limit`: the most the XML parts may unpack to, in bytes. Throws ExtractError when the file cannot be read. */
export async function extractDocx(bytes: Uint8Array, limit: number): Promise<LocatedText<DocxLocation>> {
  const parts = readZipParts(bytes, '.docx', isXmlPart, limit);
  const decoder = new TextDecoder('utf-8');
  for (const data of parts.values()) {
    const problem = xmlProblem(decoder.decode(data), MAX_DEPTH);
    // The kind of problem only: entity and element names are the document's own text.
    if (problem) throw new ExtractError(`not a readable .docx (its XML is malformed: ${problem})`);
  }
  const bounded = zipSync(Object.fromEntries(parts), { level: 0 });
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: Buffer.from(bounded.buffer, bounded.byteOffset, bounded.byteLength) })).value;
  } catch (error) {
    throw new ExtractError(mammothProblem(error));
  }
  const breaks = paragraphBreaks(text);
  return { text, locate: (offset) => ({ paragraph: paragraphOf(breaks, offset) }) };
}
