/** `--changed-since REF`: which lines of which files changed since a git ref (`git diff -U0` hunks). */
import { resolve } from 'node:path';
import { childProcess } from './builtins.js';
import { UsageError } from './errors.js';

/** Changed line ranges per absolute path; `'all'` for files git has no line hunks for (new, untracked, binary). */
export type ChangedLines = Map<string, Array<[number, number]> | 'all'>;

function git(args: string[], cwd: string): string {
  const run = childProcess().spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new UsageError(`--changed-since needs git: ${run.error.message}`);
  if (run.status !== 0) throw new UsageError(`--changed-since: git ${args[0]} failed: ${run.stderr.trim().split('\n')[0] ?? ''}`);
  return run.stdout;
}

/** Parse `git diff -U0` output into new-file line ranges. */
export function parseUnifiedZero(diff: string, root: string): ChangedLines {
  const changed: ChangedLines = new Map();
  let current: string | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      current = target === '/dev/null' ? undefined : resolve(root, unquote(target).replace(/^b\//, ''));
      if (current && !changed.has(current)) changed.set(current, []);
    } else if (line.startsWith('Binary files ') && line.endsWith(' differ')) {
      const m = / and (?:"?b\/)(.*?)"? differ$/.exec(line);
      if (m?.[1]) changed.set(resolve(root, m[1]), 'all');
    } else if (line.startsWith('@@ ') && current) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      const ranges = changed.get(current);
      if (count > 0 && Array.isArray(ranges)) ranges.push([start, start + count - 1]);
    }
  }
  return changed;
}

/** Git quotes unusual paths C-style; only the common escapes matter here. */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  return path.slice(1, -1).replace(/\\(["\\])/g, '$1');
}

export function changedSince(ref: string, cwd: string): ChangedLines {
  if (ref.startsWith('-')) throw new UsageError(`--changed-since: "${ref}" is not a git ref`);
  const root = git(['rev-parse', '--show-toplevel'], cwd).trim();
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch {
    throw new UsageError(`--changed-since: unknown git ref "${ref}"`);
  }
  const diff = git(['diff', '-U0', '--no-color', '--no-ext-diff', '--no-renames', ref, '--'], root);
  const changed = parseUnifiedZero(diff, root);
  // Files git does not track yet are new in their entirety.
  for (const path of git(['ls-files', '--others', '--exclude-standard', '-z'], root).split('\0')) {
    if (path) changed.set(resolve(root, path), 'all');
  }
  return changed;
}

export function onChangedLine(ranges: Array<[number, number]> | 'all', startLine: number, endLine: number): boolean {
  if (ranges === 'all') return true;
  return ranges.some(([from, to]) => startLine <= to && endLine >= from);
}
