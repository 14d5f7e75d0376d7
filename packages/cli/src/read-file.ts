/**
 * Read one input file, safely: only a regular file is opened for reading (a named pipe would block for
 * ever, a device such as /dev/zero never ends), it is opened without blocking and checked again once
 * open (so it cannot be swapped for something else in between), and never more than the size limit is
 * read, even from a file that grows while it is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { formatByteSize } from '@reframe/core';

export type FileRead = { bytes: Buffer } | { skipped: string };

/** Why a file over the size limit was skipped, and how to lint it anyway. */
export function tooLarge(size: number, limit: number): string {
  return `${formatByteSize(size)}, over the ${formatByteSize(limit)} size limit (raise it with --max-file-size or maxFileSize)`;
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a file';
}

/** Why a path that is not a regular file is skipped, or undefined for a regular file. */
function notRegular(stat: Stats): string | undefined {
  return stat.isFile() ? undefined : `not a regular file (${kindOf(stat)})`;
}

const cannotRead = (error: unknown) => `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;

/** The bytes of the regular file at `path` if it holds at most `limit` bytes, else why it was skipped. */
export function readRegularFile(path: string, limit: number): FileRead {
  let stat: Stats;
  try {
    // Type and size first, from the file system: nothing else is opened, and a file over the limit is never read.
    stat = statSync(path);
  } catch (error) {
    return { skipped: cannotRead(error) };
  }
  const before = notRegular(stat) ?? (stat.size > limit ? tooLarge(stat.size, limit) : undefined);
  if (before) return { skipped: before };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    return { skipped: cannotRead(error) };
  }
  try {
    const open = fstatSync(fd);
    const now = notRegular(open) ?? (open.size > limit ? tooLarge(open.size, limit) : undefined);
    if (now) return { skipped: now };
    return readAtMost(fd, limit, open.size);
  } catch (error) {
    return { skipped: cannotRead(error) };
  } finally {
    closeSync(fd);
  }
}

/** Read to the end, but no further than one byte past `limit`. `expected`: the size the file claims. */
function readAtMost(fd: number, limit: number, expected: number): FileRead {
  let buffer = Buffer.allocUnsafeSlow(Math.min(expected, limit) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > limit) return { skipped: tooLarge(length, limit) };
      const larger = Buffer.allocUnsafeSlow(Math.min(limit + 1, Math.max(2 * buffer.length, 64 * 1024)));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  if (length > limit) return { skipped: tooLarge(length, limit) };
  return { bytes: buffer.subarray(0, length) };
}
