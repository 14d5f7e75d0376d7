/**
 * Writing files without leaving a half-written one behind.
 *
 * `writeFileAtomic` makes a file (a report, the cache): a temporary file in the same folder, renamed
 * over the target.
 *
 * `replaceFileContents` gives an existing file new contents (`--fix`) and keeps the file itself: its
 * owner, group and mode, and every hard link to it. Two ways, chosen per file:
 *
 * - **Atomic, by rename** when the file has one link and the temporary file can be given the file's
 *   owner and group (it can when the file is the user's own, or the run is root's). The temporary file
 *   is created readable by the user alone, given the owner, group and mode, checked against
 *   `unchanged`, and renamed over the file: a reader or a crash sees the old file or the new one.
 * - **In place** otherwise: when the file has other hard links (a rename would give this name a new
 *   file and leave the others on the old one), when its owner or group cannot be given to a new file
 *   (a note the user may write but does not own: a new file would be the user's), or when the folder
 *   does not let the user create a file. The file is opened, read through the same descriptor and
 *   checked against `unchanged`, overwritten from the start and cut to the new length; the inode, and
 *   with it the links, owner, group, mode and any ACL, stay. The trade-off: this is not atomic. A
 *   reader during the write can see part old, part new text, and a crash or power cut in the middle
 *   can leave the file so. A write that fails (a full disk) puts the old bytes back before the error
 *   is reported.
 */
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { crypto } from './builtins.js';

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${crypto().randomBytes(4).toString('hex')}.tmp`);
}

export function writeFileAtomic(path: string, data: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export interface ReplaceOptions {
  /** Given the file's bytes just before they are replaced; throws, and nothing is written, if they are not the bytes read. */
  unchanged: (current: Buffer) => void;
}

/** Replace the contents of the existing regular file `path` (no symbolic link: resolve it first), keeping the file. */
export function replaceFileContents(path: string, data: Buffer, options: ReplaceOptions): void {
  const stat = statSync(path);
  if (stat.nlink === 1 && replaceByRename(path, data, stat.uid, stat.gid, stat.mode, options)) return;
  replaceInPlace(path, data, options);
}

const CANNOT = new Set(['EPERM', 'EACCES']);
const cannot = (error: unknown) => CANNOT.has((error as NodeJS.ErrnoException).code ?? '');

/** The atomic way; false when this user cannot make a new file that looks like the old one (nothing written). */
function replaceByRename(path: string, data: Buffer, uid: number, gid: number, mode: number, options: ReplaceOptions): boolean {
  const temp = tempPathFor(path);
  let fd: number;
  try {
    // Readable by this user alone until it has the note's owner and mode.
    fd = openSync(temp, 'wx', 0o600);
  } catch (error) {
    if (cannot(error)) return false; // the folder does not let this user create a file
    throw error;
  }
  let renamed = false;
  try {
    try {
      writeAll(fd, data);
      const made = fstatSync(fd);
      if (made.uid !== uid || made.gid !== gid) {
        try {
          fchownSync(fd, uid, gid);
        } catch (error) {
          if (cannot(error)) return false; // a note this user may write but cannot give away
          throw error;
        }
      }
      // After the chown, which clears the set-id bits.
      fchmodSync(fd, mode & 0o7777);
    } finally {
      closeSync(fd);
    }
    options.unchanged(readFileSync(path));
    renameSync(temp, path);
    renamed = true;
    return true;
  } finally {
    if (!renamed) rmSync(temp, { force: true });
  }
}

function replaceInPlace(path: string, data: Buffer, options: ReplaceOptions): void {
  const fd = openSync(path, 'r+');
  try {
    const current = readFileSync(fd);
    options.unchanged(current);
    try {
      // Written first and cut after, so the file is never empty on the way.
      writeAll(fd, data);
      ftruncateSync(fd, data.length);
    } catch (error) {
      try {
        writeAll(fd, current);
        ftruncateSync(fd, current.length);
      } catch {
        // The error below is the one to report.
      }
      throw error;
    }
  } finally {
    closeSync(fd);
  }
}

/** Write all of `data` at the start of the file. */
function writeAll(fd: number, data: Buffer): void {
  for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at, at);
}
