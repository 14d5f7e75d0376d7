/**
 * Open the zip inside an office document (.docx, .pptx, .odt) with a clear message when it is not one,
 * unpacking only the parts asked for and never more than a limit in all: the bytes are counted as they
 * inflate (a zip's declared sizes may lie), and reading stops as soon as the total passes the limit.
 */
import { formatByteSize } from '@reframe/core';
import { Inflate } from 'fflate';

/** A document that cannot be read; the message names what is wrong, never the document's text. */
export class ExtractError extends Error {}

const ZIP_MAGIC = 0x04034b50;
const OLE_MAGIC = 'd0cf11e0a1b11ae1';
/** No single part may unpack to more than this, whatever the limit (a part becomes one string). */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
/** Compressed bytes handed to the inflater at a time: each can unpack to at most about 1,032 times as much. */
const CHUNK = 4096;

/** An OLE compound file: what Office writes for a password-protected OOXML file, or a legacy .ppt/.doc. */
export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).toString('hex') === OLE_MAGIC;
}

/** Why a document was not unpacked: its parts unpack to more than the size limit. */
export function unpacksTooLarge(limit: number): string {
  return `unpacks to more than the ${formatByteSize(limit)} size limit (raise it with --max-file-size or maxFileSize)`;
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0;
}
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

const names = new TextDecoder('utf-8');

/** The central directory: where each entry's data is, as the zip's own index says (zip64 included). */
function centralDirectory(bytes: Uint8Array, kind: string): Entry[] {
  const unreadable = (why: string) => new ExtractError(`not a readable ${kind} (${why})`);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end === -1) throw unreadable('the zip has no directory; is it complete?');
  let count = u16(bytes, end + 10);
  let offset = u32(bytes, end + 16);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && u32(bytes, end - 20) === 0x07064b50) {
    const zip64 = u64(bytes, end - 12);
    if (u32(bytes, zip64) !== 0x06064b50) throw unreadable('a damaged zip64 directory');
    count = u64(bytes, zip64 + 32);
    offset = u64(bytes, zip64 + 48);
  }
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw unreadable('a damaged zip directory');
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const entry: Entry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      localOffset: u32(bytes, at + 42),
    };
    // Zip64: the sizes and offset that did not fit are in the extra field, in this order.
    const uncompressed32 = u32(bytes, at + 24);
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; x += 4 + u16(bytes, x + 2)) {
      if (u16(bytes, x) !== 1) continue;
      let field = x + 4;
      if (uncompressed32 === 0xffffffff) field += 8;
      if (entry.compressedSize === 0xffffffff) {
        entry.compressedSize = u64(bytes, field);
        field += 8;
      }
      if (entry.localOffset === 0xffffffff) entry.localOffset = u64(bytes, field);
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + u16(bytes, at + 32);
  }
  return entries;
}

/** Unpacks parts, counting every byte against one budget. */
class Unpacker {
  total = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly kind: string,
    private readonly limit: number,
  ) {}

  private count(n: number, partSoFar: number): void {
    this.total += n;
    if (this.total > this.limit) throw new ExtractError(unpacksTooLarge(this.limit));
    if (partSoFar > MAX_PART_BYTES) throw new ExtractError(`one of its parts unpacks to more than ${formatByteSize(MAX_PART_BYTES)}`);
  }

  unpack(entry: Entry): Uint8Array {
    const { bytes, kind } = this;
    if (entry.flags & 1) throw new ExtractError(`password-protected; save an unprotected ${kind} copy`);
    const local = entry.localOffset;
    if (local + 30 > bytes.length || u32(bytes, local) !== ZIP_MAGIC)
      throw new ExtractError(`not a readable ${kind} (a damaged zip entry)`);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + entry.compressedSize > bytes.length) throw new ExtractError(`not a readable ${kind} (the zip is cut short)`);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      this.count(data.length, data.length);
      return data;
    }
    if (entry.method !== 8) throw new ExtractError(`not a readable ${kind} (a part is compressed in a way it does not support)`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    const inflater = new Inflate((chunk) => {
      size += chunk.length;
      this.count(chunk.length, size);
      chunks.push(chunk);
    });
    try {
      for (let at = 0; at < data.length; at += CHUNK) inflater.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof ExtractError) throw error;
      throw new ExtractError(`not a readable ${kind} (damaged compressed data)`);
    }
    if (chunks.length === 1 && chunks[0]) return chunks[0];
    const out = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

/**
 * The parts of the zip whose names pass `wanted`, as bytes. Throws an ExtractError when the file is not
 * a zip, is damaged, or its wanted parts unpack to more than `limit` bytes in all.
 */
export function readZipParts(bytes: Uint8Array, kind: string, wanted: (name: string) => boolean, limit: number): Map<string, Uint8Array> {
  if (isOleCompoundFile(bytes)) {
    throw new ExtractError(`password-protected, or an old binary Office file rather than ${kind}; save an unprotected ${kind} copy`);
  }
  if (bytes.length < 4 || u32(bytes, 0) !== ZIP_MAGIC) throw new ExtractError(`not a valid ${kind} (not a zip file)`);
  const unpacker = new Unpacker(bytes, kind, limit);
  const parts = new Map<string, Uint8Array>();
  for (const entry of centralDirectory(bytes, kind)) {
    if (wanted(entry.name)) parts.set(entry.name, unpacker.unpack(entry));
  }
  return parts;
}

const utf8 = new TextDecoder('utf-8');

/** The wanted parts decoded as UTF-8 text. */
export function readZipTexts(bytes: Uint8Array, kind: string, wanted: (name: string) => boolean, limit: number): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [name, data] of readZipParts(bytes, kind, wanted, limit)) texts.set(name, utf8.decode(data));
  return texts;
}
