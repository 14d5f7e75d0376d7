/**
 * The trust model for config files and rule packs (SECURITY.md, "Trust model for configuration and
 * rule packs"): a config's `extends` and `packs` may only name files whose real path (symbolic links
 * resolved) lies inside a trusted folder, and that is decided before the file is opened.
 *
 * Trusted folders: the project (the top of the git repository holding the folder the user works in,
 * else that folder), the user's config folder ($XDG_CONFIG_HOME/reframe, else ~/.config/reframe), and
 * for a file reached through the project's node_modules also the package manager's store (pnpm's
 * global virtual store links packages there). A config file the user keeps outside the project (named
 * with --config, or found above the project) adds its own folder for what it extends.
 */
import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A trusted folder as given and as its real path (the same when it has no symbolic links). */
interface Root {
  path: string;
  real: string;
  /** How a message names it: "the project", "the user's config folder". */
  label: string;
  /** A project: files reached through its node_modules may lie in a package store. */
  project: boolean;
}

export interface TrustOptions {
  /** Folders the user works in: the CLI's working directory, an editor's workspace folder. */
  projects: readonly string[];
  /** Environment for the user's config folder and the package store (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

/** Why a path may not be read: outside every trusted folder, led out by a symbolic link, or missing. */
export type Verdict = { ok: true; real: string } | { ok: false; why: 'outside' | 'link' | 'missing' };

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function inside(path: string, folder: string): boolean {
  if (path === folder) return true;
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** The top of the git repository holding `dir` (a folder with a `.git` folder or file), else `dir` itself. */
export function projectRootOf(dir: string): string {
  const start = resolve(dir);
  let current = start;
  for (;;) {
    if (existsSync(join(current, '.git'))) return current;
    const parent = dirname(current);
    if (parent === current) return start;
    current = parent;
  }
}

function absoluteEnv(value: string | undefined): string | undefined {
  return value && isAbsolute(value) ? value : undefined;
}

/** The user's own config folder: $XDG_CONFIG_HOME/reframe, else ~/.config/reframe. */
export function userConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(absoluteEnv(env.XDG_CONFIG_HOME) ?? join(homedir(), '.config'), 'reframe');
}

/** pnpm's default store folders (its global virtual store is `<store>/links`); only the user's settings place them. */
function packageStores(env: NodeJS.ProcessEnv): string[] {
  const home = homedir();
  const stores = [
    join(absoluteEnv(env.XDG_DATA_HOME) ?? join(home, '.local', 'share'), 'pnpm', 'store'),
    join(home, 'Library', 'pnpm', 'store'),
  ];
  const pnpmHome = absoluteEnv(env.PNPM_HOME);
  if (pnpmHome) stores.push(join(pnpmHome, 'store'));
  const localAppData = absoluteEnv(env.LOCALAPPDATA);
  if (localAppData) stores.push(join(localAppData, 'pnpm', 'store'));
  return stores.filter(existsSync).map(realOr);
}

export class TrustedRoots {
  private constructor(
    private readonly roots: readonly Root[],
    private readonly stores: readonly string[],
  ) {}

  /** The trusted folders for a run in `projects` (each widened to the top of its git repository). */
  static for(options: TrustOptions): TrustedRoots {
    const env = options.env ?? process.env;
    const roots: Root[] = [];
    for (const project of options.projects) {
      const path = projectRootOf(project);
      if (!roots.some((r) => r.path === path)) roots.push({ path, real: realOr(path), label: 'the project', project: true });
    }
    const user = userConfigDir(env);
    roots.push({ path: user, real: realOr(user), label: "the user's config folder", project: false });
    return new TrustedRoots(roots, packageStores(env));
  }

  /** The project folders (tops of git repositories, or the folders given). */
  get projects(): string[] {
    return this.roots.filter((r) => r.project).map((r) => r.path);
  }

  /** These roots and `folder` (the folder of a config file the user keeps outside the project). */
  with(folder: string, label: string): TrustedRoots {
    const path = resolve(folder);
    if (this.roots.some((r) => r.path === path)) return this;
    return new TrustedRoots([...this.roots, { path, real: realOr(path), label, project: false }], this.stores);
  }

  /** Whether `path`, as written (no links followed), lies inside a trusted folder. */
  holds(path: string): boolean {
    const abs = resolve(path);
    return this.roots.some((r) => inside(abs, r.path) || inside(abs, r.real));
  }

  /** Whether `path` lies inside a project as written (not the user's config folder). */
  inProject(path: string): boolean {
    const abs = resolve(path);
    return this.roots.some((r) => r.project && (inside(abs, r.path) || inside(abs, r.real)));
  }

  /**
   * May `target` be read? Decided from its path as written, then from its real path: nothing is
   * opened, only the folders on the way are looked up.
   */
  check(target: string): Verdict {
    const abs = resolve(target);
    const holder = this.roots.find((r) => inside(abs, r.path) || inside(abs, r.real));
    if (!holder) return { ok: false, why: 'outside' };
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      return { ok: false, why: 'missing' };
    }
    if (this.roots.some((r) => inside(real, r.real))) return { ok: true, real };
    // A package linked from the project's node_modules into the package manager's store.
    const base = inside(abs, holder.path) ? holder.path : holder.real;
    const throughNodeModules = holder.project && relative(base, abs).split(sep).includes('node_modules');
    if (throughNodeModules && this.stores.some((s) => inside(real, s))) return { ok: true, real };
    return { ok: false, why: 'link' };
  }

  /** The trusted folders in words, for a refusal: "the project (/p) or the user's config folder (/u)". */
  describe(): string {
    const parts = this.roots.map((r) => `${r.label} (${r.path})`);
    return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}` : (parts[0] ?? 'no folder');
  }
}
