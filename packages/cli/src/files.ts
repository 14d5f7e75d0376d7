/** Expand the paths given on the command line into the files to lint. */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { DocumentFormat } from '@reframe/core';

const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
};

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export function formatOf(path: string): DocumentFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
}

export class UsageError extends Error {}

export interface FoundFile {
  path: string;
  /** Given explicitly on the command line (unknown types are then reported, not silently skipped). */
  explicit: boolean;
}

export function expandPaths(paths: string[]): FoundFile[] {
  const out: FoundFile[] = [];
  const seen = new Set<string>();
  const add = (path: string, explicit: boolean) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ path, explicit });
  };
  const walk = (dir: string): void => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw new UsageError(`cannot read folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? ''}`);
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(full);
      } else if (e.isFile() && formatOf(e.name)) add(full, false);
    }
  };
  for (const p of paths) {
    let stat: import('node:fs').Stats;
    try {
      stat = statSync(p);
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
    if (stat.isDirectory()) walk(p);
    else add(p, true);
  }
  return out;
}
