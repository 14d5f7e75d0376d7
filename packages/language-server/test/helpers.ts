/** Temporary workspaces with invented notes (no real patient data). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const NOTE = [
  'Her brother committed suicide in 2019.',
  'He claims he is abstinent. Denies chest pain.',
  '',
  'The patient is wheelchair-bound and an addict.',
  'Another addict was seen. Urine drug screen negative; wound is clean.',
  '',
].join('\n');

export interface Workspace {
  dir: string;
  uri: (name: string) => string;
  write: (name: string, text: string) => string;
  remove: () => void;
}

export function workspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'reframe-ls-'));
  return {
    dir,
    uri: (name) => pathToFileURL(join(dir, name)).href,
    write: (name, text) => {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
