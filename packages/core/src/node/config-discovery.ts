/**
 * Config discovery, shared by every front end: the nearest config file upward from a folder, and a
 * config file read with everything it `extends` merged in (a CLI `--config` is read the same way).
 * What `extends` and `packs` may name is the trust model of trust.ts, checked before anything is read.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ReframeConfig } from '../config/resolve.js';
import { quoted, ReframeFileError } from '../errors.js';
import { readConfigData } from './config-files.js';
import { CONFIG_SIZE_LIMIT, PACK_SIZE_LIMIT, readRegularFile, regularFileProblem } from './safe-read.js';
import { TrustedRoots } from './trust.js';

/** The config file names, in the order they win within one folder. `package.json` counts only with a "reframe" key. */
export const CONFIG_FILE_NAMES = ['.reframerc.json', '.reframerc.yaml', '.reframerc.yml', 'reframe.config.json', 'package.json'] as const;

/** At most this many files in one chain of `extends`. */
const MAX_CHAIN = 64;

function hasReframeKey(packageJson: string): boolean {
  try {
    // Only a regular file of a sensible size: a package.json that is a FIFO or a device is no config.
    return (
      (JSON.parse(readRegularFile(packageJson, CONFIG_SIZE_LIMIT, 'config file')) as { reframe?: unknown } | null)?.reframe !== undefined
    );
  } catch {
    return false;
  }
}

/** The config file that applies to files in `dir`, or undefined. */
export function findConfigFile(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(current, name);
      if (!existsSync(candidate)) continue;
      if (name === 'package.json' && !hasReframeKey(candidate)) continue;
      return candidate;
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function merge(base: ReframeConfig, over: ReframeConfig): ReframeConfig {
  const { extends: _ignored, ...rest } = over;
  return {
    ...base,
    ...rest,
    rules: { ...base.rules, ...over.rules },
    respect: { ...base.respect, ...over.respect },
    identity: { ...base.identity, ...over.identity },
    allow: [...(base.allow ?? []), ...(over.allow ?? [])],
    packs: [...new Set([...(base.packs ?? []), ...(over.packs ?? [])])],
    ignore: [...(base.ignore ?? []), ...(over.ignore ?? [])],
  };
}

export interface ReadConfigOptions {
  /** The trusted folders (default: those of a run in the working directory). */
  trust?: TrustedRoots;
  /** The user named this file (`--config`): outside the project it is read where it is, and its folder is trusted for what it extends. */
  named?: boolean;
  /** The text of `file` to use instead of reading it: a config checked before it is written. */
  text?: string;
}

/** The config file governing `project` from a folder above it, if any: a config the user keeps there may be extended. */
function isConfigAbove(target: string, trust: TrustedRoots): boolean {
  return trust.projects.some((project) => {
    const above = findConfigFile(dirname(project));
    return above !== undefined && resolve(above) === resolve(target);
  });
}

function refusal(trust: TrustedRoots, why: 'outside' | 'link'): string {
  const how = why === 'link' ? 'leads outside the trusted folders through a symbolic link' : 'is outside the trusted folders';
  return `${how}; config files and packs must be inside ${trust.describe()}`;
}

/** The trusted folders for a chain starting at `abs`, or an error when the file itself may not be read. */
function entryTrust(abs: string, trust: TrustedRoots, options: ReadConfigOptions): TrustedRoots {
  if (trust.holds(abs)) {
    const verdict = options.text === undefined ? trust.check(abs) : undefined;
    if (verdict && !verdict.ok && verdict.why === 'link')
      throw new ReframeFileError(abs, 1, 1, `this config file ${refusal(trust, 'link')}`);
    return trust;
  }
  // Outside the project: a file the user named, or keeps above the project (none of the project's doing).
  if (options.named) return trust.with(dirname(abs), 'the folder of --config');
  const widened = trust.with(dirname(abs), 'the folder of the config file in use');
  const verdict = options.text === undefined ? widened.check(abs) : undefined;
  if (verdict && !verdict.ok && verdict.why === 'link')
    throw new ReframeFileError(abs, 1, 1, `this config file ${refusal(widened, 'link')}`);
  return widened;
}

/**
 * Read a config file and everything it extends, each file checked against the trusted folders before
 * it is opened. Pack paths are made absolute (and checked the same way).
 */
export function readConfigChain(file: string, options: ReadConfigOptions = {}): ReframeConfig {
  const abs = resolve(file);
  const base = options.trust ?? TrustedRoots.for({ projects: [process.cwd()] });
  return readChain(abs, entryTrust(abs, base, options), new Set(), options.text);
}

function readChain(abs: string, trust: TrustedRoots, seen: Set<string>, text?: string): ReframeConfig {
  if (seen.has(abs)) throw new ReframeFileError(abs, 1, 1, 'extends forms a cycle');
  if (seen.size >= MAX_CHAIN) throw new ReframeFileError(abs, 1, 1, `extends chains more than ${MAX_CHAIN} config files`);
  seen.add(abs);
  const { config, locate } = readConfigData(abs, text);
  const dir = dirname(abs);
  const refuse = (setting: 'extends' | 'packs', at: Array<string | number>, value: string, detail: string): never => {
    const p = locate(at);
    throw new ReframeFileError(abs, p.line, p.column, `${setting} ${quoted(value)}${detail}`);
  };
  const packs = config.packs?.map((p, i) => {
    if (p === 'equality') return p;
    const path = resolve(dir, p);
    const verdict = trust.check(path);
    if (!verdict.ok) refuse('packs', ['packs', i], p, verdict.why === 'missing' ? ': file not found' : ` ${refusal(trust, verdict.why)}`);
    const problem = regularFileProblem(path, PACK_SIZE_LIMIT, 'rule pack');
    if (problem) refuse('packs', ['packs', i], p, ` ${problem}`);
    return path;
  });
  const withPaths: ReframeConfig = { ...config, ...(packs ? { packs } : {}) };
  const single = typeof config.extends === 'string';
  const parents = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  let merged: ReframeConfig = {};
  for (const [i, parent] of parents.entries()) {
    const at = single ? ['extends'] : ['extends', i];
    const parentPath = resolve(dir, parent);
    const verdict = trust.check(parentPath);
    let parentTrust = trust;
    if (!verdict.ok) {
      const why = verdict.why;
      if (why === 'missing') refuse('extends', at, parent, ': file not found');
      // The config the user keeps above the project may be extended; what it extends stays in its own folder.
      else if (!isConfigAbove(parentPath, trust)) refuse('extends', at, parent, ` ${refusal(trust, why)}`);
      parentTrust = trust.with(dirname(parentPath), 'the folder of the config file above the project');
    }
    const problem = regularFileProblem(parentPath, CONFIG_SIZE_LIMIT, 'config file');
    if (problem) refuse('extends', at, parent, ` ${problem}`);
    merged = merge(merged, readChain(parentPath, parentTrust, seen));
  }
  return merge(merged, withPaths);
}
