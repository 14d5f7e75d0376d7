/** Open the zip inside an office document (.pptx, .odt) with a clear message when it is not one. */
import { type Unzipped, unzipSync } from 'fflate';

/** A document that cannot be read; the message names what is wrong, never the document's text. */
export class ExtractError extends Error {}

const ZIP_MAGIC = 0x04034b50;
const OLE_MAGIC = 'd0cf11e0a1b11ae1';
/** Guards against zip bombs: no single part we read may inflate beyond this. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

/** An OLE compound file: what Office writes for a password-protected OOXML file, or a legacy .ppt/.doc. */
export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).toString('hex') === OLE_MAGIC;
}

/** The parts of the zip whose names pass `wanted`, decoded as UTF-8. */
export function readZipParts(bytes: Uint8Array, kind: string, wanted: (name: string) => boolean): Map<string, string> {
  if (isOleCompoundFile(bytes)) {
    throw new ExtractError(`password-protected, or an old binary Office file rather than ${kind}; save an unprotected ${kind} copy`);
  }
  if (bytes.length < 4 || Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0) !== ZIP_MAGIC) {
    throw new ExtractError(`not a valid ${kind} (not a zip file)`);
  }
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES) throw new ExtractError(`${file.name} is too large to read`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    throw new ExtractError(`not a readable ${kind} (${(error as Error).message.split('\n')[0]})`);
  }
  const decoder = new TextDecoder('utf-8');
  const parts = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) parts.set(name, decoder.decode(data));
  return parts;
}
