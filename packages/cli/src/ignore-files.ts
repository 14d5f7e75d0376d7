/**
 * `.gitignore` and `.reframeignore` (gitignore syntax), read from every folder between a root (the
 * enclosing git work tree, else the working directory) and the file, each relative to its own folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

const IGNORE_FILES = ['.gitignore', '.reframeignore'];

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

export class IgnoreRules {
  private readonly perDir = new Map<string, Ignore | null>();
  private readonly roots = new Map<string, string>();

  constructor(private readonly cwd: string) {}

  /** The folder at which ignore files stop applying: the git work tree root, else cwd, else the file's folder. */
  private rootFor(dir: string): string {
    const known = this.roots.get(dir);
    if (known !== undefined) return known;
    let root: string | undefined;
    for (let current = dir; ; current = dirname(current)) {
      if (existsSync(join(current, '.git'))) {
        root = current;
        break;
      }
      if (dirname(current) === current) break;
    }
    if (!root) root = isInside(dir, this.cwd) ? this.cwd : dir;
    this.roots.set(dir, root);
    return root;
  }

  private rulesIn(dir: string): Ignore | null {
    if (this.perDir.has(dir)) return this.perDir.get(dir) ?? null;
    let rules: Ignore | null = null;
    for (const name of IGNORE_FILES) {
      const file = join(dir, name);
      if (!existsSync(file)) continue;
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      rules ??= ignore();
      rules.add(text);
    }
    this.perDir.set(dir, rules);
    return rules;
  }

  /** Whether an absolute path (a folder when `isDir`) is ignored by the ignore files above it. */
  ignores(absPath: string, isDir: boolean): boolean {
    const root = this.rootFor(dirname(absPath));
    const chain: string[] = [];
    for (let dir = dirname(absPath); ; dir = dirname(dir)) {
      chain.push(dir);
      if (dir === root || dirname(dir) === dir) break;
    }
    // Outermost first, so nearer files can re-include with "!pattern".
    let ignored = false;
    for (const dir of chain.reverse()) {
      const rules = this.rulesIn(dir);
      if (!rules) continue;
      const rel = toPosix(relative(dir, absPath)) + (isDir ? '/' : '');
      const verdict = rules.test(rel);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}
