/**
 * Reading a config file or rule pack without trusting what is at the path: only a regular file is
 * read (a FIFO would block, a device such as /dev/zero never ends), and only up to a size cap, so a
 * hostile path costs a stat and an open, never unbounded time or memory.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { ReframeFileError } from '../errors.js';

/** The largest config file read (`.reframerc.*`, `reframe.config.json`, `package.json`). */
export const CONFIG_SIZE_LIMIT = 1024 * 1024;
/** The largest rule pack read (the bundled packs are under 50 KB each). */
export const PACK_SIZE_LIMIT = 2 * 1024 * 1024;

/** What a path holds when it is not a regular file, in words. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * Why `file` would be refused by readRegularFile (a FIFO, a device, a folder, too large), from a stat
 * alone; undefined when it looks readable. Lets a config name the setting that points at such a file.
 */
export function regularFileProblem(file: string, limit: number, what: string): string | undefined {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch {
    return undefined; // reported when it is read
  }
  if (!stat.isFile()) return `is ${kindOf(stat)}; a ${what} must be a regular file`;
  if (stat.size > limit) return `is larger than ${megabytes(limit)}, the limit for a ${what}`;
  return undefined;
}

// O_NONBLOCK: opening a FIFO must not wait for a writer (the file is refused after fstat anyway).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * The text of a regular file of at most `limit` bytes; anything else is a ReframeFileError at line 1,
 * column 1 naming the file and the problem (never its content). `what` names the file's role in the
 * message ("config file", "rule pack").
 */
export function readRegularFile(file: string, limit: number, what: string): string {
  const refuse = (detail: string): never => {
    throw new ReframeFileError(file, 1, 1, detail);
  };
  const notRegular = (stat: Stats): string => `is ${kindOf(stat)}; a ${what} must be a regular file`;
  const tooLarge = `is larger than ${megabytes(limit)}, the limit for a ${what}`;
  try {
    statSync(file);
  } catch (error) {
    return refuse(`cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  // Checked before opening: opening a device or a FIFO can itself have effects or block.
  const problem = regularFileProblem(file, limit, what);
  if (problem) refuse(problem);
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    return refuse(`cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    // The path may have been swapped between the stat and the open: what was opened is what counts.
    const stat = fstatSync(fd);
    if (!stat.isFile()) refuse(notRegular(stat));
    // Read at most limit + 1 bytes: a file that grows while it is read is still caught.
    let buffer = Buffer.allocUnsafe(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) refuse(tooLarge);
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limit) refuse(tooLarge);
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if (error instanceof ReframeFileError) throw error;
    return refuse(`cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  } finally {
    closeSync(fd);
  }
}
