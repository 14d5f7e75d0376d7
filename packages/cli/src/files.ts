/** Expand the files, folders and globs given on the command line into the files to lint. */
import { type Dirent, readdirSync, type Stats, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from './errors.js';
import { IgnoreRules } from './ignore-files.js';
import { leadsOutOfProject } from './project-root.js';
import type { FileFormat } from './types.js';

const FORMAT_BY_EXTENSION: Record<string, FileFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pptx': 'pptx',
  '.odt': 'odt',
};

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** The extensions reframe reads, for messages ("not a supported file type (…)"). */
export const SUPPORTED_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION);

export function formatOf(path: string): FileFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
}

export interface FoundFile {
  path: string;
  /** Named on the command line or matched by a glob: an unsupported type is then reported, not silently passed over. */
  explicit: boolean;
}

export interface Expansion {
  files: FoundFile[];
  /** Files named on the command line but ignored by an ignore file. */
  ignored: string[];
  /** Folders that could not be listed, with the reason (the rest of the tree is still searched). */
  unreadableFolders: Array<{ path: string; reason: string }>;
  /** Files, folders and glob bases named inside the project that a symbolic link takes out of it: never read. */
  linksOut: Array<{ path: string; reason: string }>;
}

const GLOB_CHARS = /[*?[\]{}]/;

export function isGlob(arg: string): boolean {
  return GLOB_CHARS.test(arg);
}

/** The folder part of a glob before its first wildcard segment, and the rest as a pattern. */
function splitGlob(pattern: string): { base: string; rest: string } {
  const parts = pattern.split(/[\\/]/);
  const staticParts: string[] = [];
  for (const part of parts) {
    if (isGlob(part)) break;
    staticParts.push(part);
  }
  const base = staticParts.join('/') || (pattern.startsWith('/') ? '/' : '.');
  return { base, rest: parts.slice(staticParts.length).join('/') };
}

export function expandPaths(args: string[], cwd: string): Expansion {
  const rules = new IgnoreRules(cwd);
  const files: FoundFile[] = [];
  const ignored: string[] = [];
  const unreadableFolders: Expansion['unreadableFolders'] = [];
  const linksOut: Expansion['linksOut'] = [];
  const seen = new Set<string>();
  const add = (path: string, explicit: boolean) => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ path, explicit });
  };
  /** Every file under `dir` not ignored, sorted by name so output order is stable. */
  const walk = (dir: string, visit: (file: string) => void): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      unreadableFolders.push({ path: dir, reason: `cannot read folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (SKIP_DIRS.has(e.name) || rules.ignores(full, true)) continue;
        walk(full, visit);
      } else if (e.isFile() && !rules.ignores(full, false)) visit(full);
    }
  };

  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let stat: Stats | undefined;
    let missing = false;
    try {
      stat = statSync(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      missing = code === 'ENOENT' || code === 'ENOTDIR';
    }
    if (stat && leadsOutOfProject(abs, cwd)) {
      linksOut.push({ path: abs, reason: `a symbolic link to a ${stat.isDirectory() ? 'folder' : 'file'} outside the project; not read` });
    } else if (stat?.isDirectory()) {
      walk(abs, (file) => {
        if (formatOf(file)) add(file, false);
      });
    } else if (stat) {
      if (rules.ignores(abs, false)) ignored.push(abs);
      else add(abs, true);
    } else if (!missing && !isGlob(arg)) {
      add(abs, true); // there but not stat-able (a folder on the way is locked): reported when it is read
    } else if (isGlob(arg)) {
      const { base, rest } = splitGlob(arg.split(sep).join('/'));
      const baseAbs = isAbsolute(base) ? base : resolve(cwd, base);
      const match = picomatch(rest, { dot: false });
      const before = files.length;
      const unreadableBefore = unreadableFolders.length;
      let isFolder = false;
      try {
        isFolder = statSync(baseAbs).isDirectory();
      } catch {
        // No such folder: nothing matches.
      }
      if (isFolder && leadsOutOfProject(baseAbs, cwd)) {
        linksOut.push({ path: baseAbs, reason: 'a symbolic link to a folder outside the project; not read' });
        continue;
      }
      if (isFolder) walk(baseAbs, (file) => match(relative(baseAbs, file).split(sep).join('/')) && add(file, true));
      if (files.length === before && unreadableFolders.length === unreadableBefore)
        throw new UsageError(`no files match the pattern ${arg}`);
    } else {
      throw new UsageError(`${arg}: no such file or folder`);
    }
  }
  return { files, ignored, unreadableFolders, linksOut };
}
