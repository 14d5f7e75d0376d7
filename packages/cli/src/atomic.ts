/** Write a file by writing a temporary file in the same folder and renaming it over the target. */
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { crypto } from './builtins.js';

export interface AtomicOptions {
  /** Permission bits to give the new file (e.g. the replaced file's). */
  mode?: number;
  /** Called just before the rename; throwing aborts the write and removes the temporary file. */
  beforeRename?: () => void;
}

export function writeFileAtomic(path: string, data: string | Buffer, options: AtomicOptions = {}): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${crypto().randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    if (options.mode !== undefined) chmodSync(temp, options.mode & 0o7777);
    options.beforeRename?.();
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
