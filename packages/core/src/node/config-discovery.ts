/**
 * Config discovery, shared by every front end: the nearest config file upward from a folder, and a
 * config file read with everything it `extends` merged in (a CLI `--config` is read the same way).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ReframeConfig } from '../config/resolve.js';
import { ReframeFileError } from '../errors.js';
import { loadConfigFile } from './config-files.js';

/** The config file names, in the order they win within one folder. `package.json` counts only with a "reframe" key. */
export const CONFIG_FILE_NAMES = ['.reframerc.json', '.reframerc.yaml', '.reframerc.yml', 'reframe.config.json', 'package.json'] as const;

function hasReframeKey(packageJson: string): boolean {
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { reframe?: unknown }).reframe !== undefined;
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

/** Read a config file and everything it extends. Pack paths are made absolute. */
export function readConfigChain(file: string, seen: Set<string> = new Set()): ReframeConfig {
  const abs = resolve(file);
  if (seen.has(abs)) throw new ReframeFileError(abs, 1, 1, 'extends forms a cycle');
  seen.add(abs);
  const config = loadConfigFile(abs);
  const dir = dirname(abs);
  const withPaths: ReframeConfig = {
    ...config,
    ...(config.packs ? { packs: config.packs.map((p) => (p === 'equality' ? p : resolve(dir, p))) } : {}),
  };
  const parents = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  let merged: ReframeConfig = {};
  for (const parent of parents) {
    const parentPath = resolve(dir, parent);
    if (!existsSync(parentPath)) throw new ReframeFileError(abs, 1, 1, `extends "${parent}": file not found`);
    merged = merge(merged, readConfigChain(parentPath, seen));
  }
  return merge(merged, withPaths);
}
