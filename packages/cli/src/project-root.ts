/**
 * The project a run works on, and the symbolic links that lead out of it. A cloned repository can hold
 * `notes/a.md -> /etc/…`: linting it would print another file's text, and `--fix` would write to it.
 *
 * The project root is core's (`projectRootOf`, the same as for configs and packs): the top of the git
 * work tree the working directory is in, else the working directory itself. A path that lies inside
 * the project as written but whose real path (every link on the way resolved) lies outside it leads
 * out of the project: it is neither read nor written. A path the user names outside the project is
 * theirs to name, links and all.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { projectRootOf } from '@reframe/core/node';

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Where `path` really is, every link on its way resolved: itself when there is none; undefined when it does not exist. */
export function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/**
 * Whether `absPath` (absolute, as written) is inside the project of a run in `cwd` but reaches, through
 * a symbolic link, a real path outside it.
 */
export function leadsOutOfProject(absPath: string, cwd: string, real: string | undefined = realPath(absPath)): boolean {
  if (real === undefined || real === absPath) return false;
  const root = projectRootOf(cwd);
  if (!isInside(absPath, root)) return false;
  return !isInside(real, realPath(root) ?? root);
}
