/**
 * The compiled rule snapshot on disk: a fingerprint of the rules folder and of core's code, the
 * stamps that let a start-up skip hashing, and reading and writing the snapshot file.
 */

import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { EnabledRules } from '../config/resolve.js';
import { type RuleSetSnapshot, ruleSetFromSnapshot, SNAPSHOT_FORMAT, snapshotOf } from '../fast/snapshot.js';
import { CORE_CODE_DIR, CORE_DIR } from '../paths.js';
import type { CompiledRuleSet } from '../rules/compile.js';
import { DEFAULT_RULES_DIR, packNames } from './read.js';

/** Where the build writes the compiled snapshot of the bundled rules (see scripts/snapshot-rules.mjs). */
export const DEFAULT_SNAPSHOT_FILE = join(CORE_DIR, 'dist', 'rules.snapshot.json');

// node:crypto costs several milliseconds to load; a start-up with a current snapshot never needs it.
const nodeRequire = createRequire(import.meta.url);
const crypto = (): typeof import('node:crypto') => nodeRequire('node:crypto') as typeof import('node:crypto');

/** Core's code files under `dir` (recursively), as paths relative to CORE_CODE_DIR, sorted. */
function codeFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) out.push(...codeFiles(join(dir, entry.name), `${name}/`));
    else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(name);
  }
  return out.sort();
}

/** The files a fingerprint covers, in order: the rules folder's, then core's code in every folder. */
function fingerprintedFiles(rulesDir: string): Array<{ name: string; path: string }> {
  // dist/**/*.js when built (src/**/*.ts under the test runner).
  const code = codeFiles(CORE_CODE_DIR);
  return [
    ...[...packNames(rulesDir), 'sources.yml', 'context.yml'].map((name) => ({ name, path: join(rulesDir, name) })),
    ...code.map((name) => ({ name, path: join(CORE_CODE_DIR, name) })),
  ];
}

/**
 * Identifies a rules folder's files and the engine code that compiles them: a snapshot made from
 * other rules, or by other code, never matches. Reads every file; no parsing.
 */
export function ruleSetFingerprint(rulesDir: string = DEFAULT_RULES_DIR): string {
  const hash = crypto().createHash('sha256').update(`reframe rule-set snapshot ${SNAPSHOT_FORMAT}\0`);
  for (const { name, path } of fingerprintedFiles(rulesDir)) hash.update(`${name}\0`).update(readFileSync(path)).update('\0');
  return hash.digest('hex');
}

/** Name, size and modification time of each fingerprinted file. */
export type Stamp = [string, number, number];

export function stampsOf(rulesDir: string): Stamp[] {
  return fingerprintedFiles(rulesDir).map(({ name, path }) => {
    const stat = statSync(path);
    return [name, stat.size, stat.mtimeMs];
  });
}

/**
 * The snapshot's files are untouched since it was written (same names, sizes and modification times):
 * then the fingerprint matches without reading and hashing every file at each start. Any difference
 * falls back to the fingerprint, so a touched but unchanged file still uses the snapshot.
 */
function stampsMatch(stamps: Stamp[] | undefined, rulesDir: string): boolean {
  if (!Array.isArray(stamps)) return false;
  const files = fingerprintedFiles(rulesDir);
  if (files.length !== stamps.length) return false;
  return files.every(({ name, path }, i) => {
    const stamp = stamps[i];
    if (!stamp || stamp[0] !== name) return false;
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat !== undefined && stat.size === stamp[1] && stat.mtimeMs === stamp[2];
  });
}

/** The compiled rules from a current snapshot, or undefined (missing, stale or unreadable: compile instead). */
export function readSnapshot(rulesDir: string, file = DEFAULT_SNAPSHOT_FILE): CompiledRuleSet | undefined {
  let snapshot: RuleSetSnapshot & { stamps?: Stamp[] };
  try {
    snapshot = JSON.parse(readFileSync(file, 'utf8')) as RuleSetSnapshot & { stamps?: Stamp[] };
    if (snapshot.format !== SNAPSHOT_FORMAT) return undefined;
    if (!stampsMatch(snapshot.stamps, rulesDir) && snapshot.fingerprint !== ruleSetFingerprint(rulesDir)) return undefined;
    for (const pack of snapshot.data.packs) pack.file = join(rulesDir, pack.file);
    return ruleSetFromSnapshot(snapshot);
  } catch {
    return undefined;
  }
}

/**
 * Write the snapshot of `ruleSet`, compiled from `rulesDir`, atomically; `enabled` are the sets of rules
 * on by default in each preset, whose prefilter anchors it also stores. Returns the snapshot's path.
 * The stamps are taken before the caller compiled: a file changed meanwhile makes the snapshot stale.
 */
export function writeSnapshotFile(
  ruleSet: CompiledRuleSet,
  rulesDir: string,
  file: string,
  stamps: Stamp[],
  enabled: EnabledRules[],
): string {
  const snapshot = snapshotOf(ruleSet, ruleSetFingerprint(rulesDir), enabled);
  // Pack paths relative to the folder, so the snapshot does not depend on where the repository lives.
  const data = { ...snapshot.data, packs: snapshot.data.packs.map((p) => ({ ...p, file: relative(rulesDir, p.file) })) };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ ...snapshot, data, stamps }));
  renameSync(temporary, file);
  return file;
}
