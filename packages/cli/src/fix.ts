/**
 * `--fix`: apply the safe fixes (a diagnostic's `fix`, which is always its preferred suggestion), then
 * write the file (atomic.ts: by rename, or in place for hard links and notes the user does not own),
 * keeping its owner, group, mode, links, line endings and byte order mark, and refusing when the file
 * changed on disk since it was read. A symbolic link is written through to its target, never replaced,
 * and only while the target is inside the project (project-root.ts).
 */
import type { Fix } from '@reframe/core';
import { replaceFileContents } from './atomic.js';
import { sha256 } from './cache.js';
import { encodeText, type TextEncodingName } from './documents.js';
import { UsageError } from './errors.js';
import { leadsOutOfProject, realPath } from './project-root.js';
import type { PlacedDiagnostic } from './types.js';

/** Apply non-overlapping fixes, earliest first; a fix overlapping an earlier one waits for the next pass. */
export function applyFixes(text: string, diagnostics: PlacedDiagnostic[]): { text: string; applied: number } {
  const fixes = diagnostics
    .map((d) => d.fix)
    .filter((f): f is Fix => f !== undefined)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let at = 0;
  let applied = 0;
  for (const fix of fixes) {
    const [start, end] = fix.range;
    if (start < at || end > text.length) continue;
    out += text.slice(at, start) + fix.text;
    at = end;
    applied++;
  }
  return { text: out + text.slice(at), applied };
}

/** Fix repeatedly (a fix can reveal another) until nothing fixable is left or a pass changes nothing. */
export function fixUntilStable(
  text: string,
  lintText: (text: string) => PlacedDiagnostic[],
): { text: string; applied: number; diagnostics: PlacedDiagnostic[] } {
  let current = text;
  let applied = 0;
  let diagnostics = lintText(current);
  for (let pass = 0; pass < 10; pass++) {
    const result = applyFixes(current, diagnostics);
    if (result.applied === 0 || result.text === current) break;
    current = result.text;
    applied += result.applied;
    diagnostics = lintText(current);
  }
  return { text: current, applied, diagnostics };
}

/**
 * Write fixed text over `path` (through a symbolic link, to its target), only if the file still has the
 * bytes it had when it was read. With `cwd` (the run's working directory), a link from inside its
 * project to a file outside it is refused.
 */
export function writeFixed(
  path: string,
  originalBytes: Buffer,
  fixedText: string,
  bom: boolean,
  encoding: TextEncodingName = 'utf8',
  cwd?: string,
): void {
  const originalHash = sha256(originalBytes);
  const target = realPath(path) ?? path;
  // Checked when the file was found too (files.ts); again here, in case a link changed since.
  if (cwd !== undefined && leadsOutOfProject(path, cwd, target))
    throw new UsageError(`${path}: a symbolic link to a file outside the project; not written`);
  replaceFileContents(target, encodeText(fixedText, bom, encoding), {
    unchanged: (current) => {
      if (sha256(current) !== originalHash) throw new UsageError(`${path}: changed on disk while reframe was fixing it; not written`);
    },
  });
}
