/** Files `reframe.lintWorkspace` reads: supported extensions under each folder, skipping tool folders. */
import { type Dirent, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { EXTENSION_LANGUAGES } from './languages.js';

const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);

export interface WorkspaceFile {
  path: string;
  languageId: string;
}

/** `isIgnored` gets absolute paths (the config's `ignore` globs, as the CLI applies them). */
export function* workspaceFiles(root: string, isIgnored: (path: string) => boolean = () => false): Generator<WorkspaceFile> {
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : -1));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (isIgnored(path)) continue;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) stack.push(path);
        continue;
      }
      const languageId = entry.isFile() ? EXTENSION_LANGUAGES[extname(entry.name).toLowerCase()] : undefined;
      if (languageId) yield { path, languageId };
    }
  }
}
