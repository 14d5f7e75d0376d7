/**
 * The file-system side of core: read rule packs, the source register, context lists and config
 * files, validate them, and compile the rule set once. Everything here reports file:line:column.
 */
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative, resolve } from 'node:path';
import { enabledRulesOf, PRESETS, type ReframeConfig, resolveConfig } from '../config/resolve.js';
import { ReframeFileError, ReframeFileErrors } from '../errors.js';
import { type RuleSetSnapshot, ruleSetFromSnapshot, SNAPSHOT_FORMAT, snapshotOf } from '../fast/snapshot.js';
import { CORE_CODE_DIR, CORE_DIR } from '../paths.js';
import { type CompiledRuleSet, compileRuleSet, RuleCompileError } from '../rules/compile.js';
import { type ParsedData, parseData, validateData } from '../rules/validate.js';
import type { ContextData, PackData, RuleData, RuleSetData, SourceData } from '../types.js';

export { ReframeFileError, ReframeFileErrors } from '../errors.js';

/** packages/core/schema, next to dist/ and src/. */
export const SCHEMA_DIR = join(CORE_DIR, 'schema');
/** The bundled rules/ folder at the repository root. */
export const DEFAULT_RULES_DIR = resolve(CORE_DIR, '..', '..', 'rules');

/** Where the build writes the compiled snapshot of the bundled rules (see scripts/snapshot-rules.mjs). */
export const DEFAULT_SNAPSHOT_FILE = join(CORE_DIR, 'dist', 'rules.snapshot.json');

const RESERVED = new Set(['sources.yml', 'context.yml']);

// node:crypto costs several milliseconds to load; a start-up with a current snapshot never needs it.
const nodeRequire = createRequire(import.meta.url);
const crypto = (): typeof import('node:crypto') => nodeRequire('node:crypto') as typeof import('node:crypto');

function packNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n) && !RESERVED.has(n))
    .sort();
}

let packSchema: object | undefined;
let configSchema: object | undefined;
export function loadSchema(name: 'pack' | 'config'): object {
  if (name === 'pack') return (packSchema ??= JSON.parse(readFileSync(join(SCHEMA_DIR, 'pack.schema.json'), 'utf8')) as object);
  return (configSchema ??= JSON.parse(readFileSync(join(SCHEMA_DIR, 'config.schema.json'), 'utf8')) as object);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ReframeFileError(file, 1, 1, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function parseFile(file: string): ParsedData {
  return parseData(readText(file), file);
}

/** Read and validate one pack file. */
export function loadPackFile(file: string): PackData {
  const parsed = parseFile(file);
  validateData(parsed, loadSchema('pack'), file);
  const value = parsed.value as { category?: string; rules: Array<Omit<RuleData, 'category'> & { category?: string }> };
  const problems: ReframeFileError[] = [];
  const rules: RuleData[] = value.rules.map((rule, i) => {
    const category = rule.category ?? value.category;
    const at = parsed.locate(['rules', i]);
    if (!category)
      problems.push(new ReframeFileError(file, at.line, at.column, `rule ${rule.id} has no category (set it on the rule or the file)`));
    else if (!rule.id.startsWith(`${category}/`)) {
      const p = parsed.locate(['rules', i, 'id']);
      problems.push(new ReframeFileError(file, p.line, p.column, `rule id "${rule.id}" must start with its category "${category}/"`));
    }
    return { ...rule, category: category ?? 'uncategorised' };
  });
  if (problems.length) throw new ReframeFileErrors(problems);
  return { file, ...(value.category ? { category: value.category } : {}), rules };
}

function loadSources(file: string): Record<string, SourceData> {
  const parsed = parseFile(file);
  const value = parsed.value as { sources?: Record<string, SourceData> } | null;
  const sources = value?.sources;
  if (!sources || typeof sources !== 'object') {
    throw new ReframeFileError(file, 1, 1, 'expected a "sources" map of key → {title, url}');
  }
  for (const [key, s] of Object.entries(sources)) {
    if (!s || typeof s.title !== 'string' || typeof s.url !== 'string') {
      const p = parsed.locate(['sources', key]);
      throw new ReframeFileError(file, p.line, p.column, `source "${key}" needs a title and a url`);
    }
  }
  return sources;
}

function loadContext(file: string): ContextData {
  const parsed = parseFile(file);
  const value = (parsed.value ?? {}) as Partial<ContextData>;
  const list = (key: keyof ContextData): string[] => {
    const v = value[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      const p = parsed.locate([key]);
      throw new ReframeFileError(file, p.line, p.column, `"${key}" must be a list of phrases`);
    }
    return v;
  };
  return {
    allow: list('allow'),
    mentionCues: list('mentionCues'),
    selfDescriptionCues: list('selfDescriptionCues'),
    equalityIgnoreRules: list('equalityIgnoreRules'),
  };
}

export interface LoadRuleSetOptions {
  /** Folder with the bundled packs, sources.yml and context.yml (default: the repository's rules/). */
  rulesDir?: string;
  /** More pack files (user packs). They may cite sources from the bundled register. */
  extraPacks?: string[];
  /** Compiled snapshot to try first (default: the build's, next to dist/); false to always compile. */
  snapshotFile?: string | false;
}

/** Read, validate and compile every pack: do this once and reuse the result for every document. */
export function loadRuleSetData(options: LoadRuleSetOptions = {}): RuleSetData {
  const dir = options.rulesDir ?? DEFAULT_RULES_DIR;
  let names: string[];
  try {
    names = packNames(dir);
  } catch (error) {
    throw new ReframeFileError(dir, 1, 1, `cannot read the rules folder: ${(error as NodeJS.ErrnoException).code ?? ''}`);
  }
  const errors: ReframeFileError[] = [];
  const packs: PackData[] = [];
  for (const file of [...names.map((n) => join(dir, n)), ...(options.extraPacks ?? []).map((p) => resolve(p))]) {
    try {
      packs.push(loadPackFile(file));
    } catch (error) {
      if (error instanceof ReframeFileErrors) errors.push(...error.errors);
      else if (error instanceof ReframeFileError) errors.push(error);
      else throw error;
    }
  }
  if (errors.length) throw new ReframeFileErrors(errors);
  return { packs, sources: loadSources(join(dir, 'sources.yml')), context: loadContext(join(dir, 'context.yml')) };
}

export function loadRuleSet(options: LoadRuleSetOptions = {}): CompiledRuleSet {
  if (!options.extraPacks?.length && options.snapshotFile !== false) {
    const snapshot = readSnapshot(options.rulesDir ?? DEFAULT_RULES_DIR, options.snapshotFile);
    if (snapshot) return snapshot;
  }
  return compileFromFiles(options);
}

function compileFromFiles(options: LoadRuleSetOptions): CompiledRuleSet {
  const data = loadRuleSetData(options);
  try {
    return compileRuleSet(data);
  } catch (error) {
    if (error instanceof RuleCompileError)
      throw new ReframeFileError(error.file, ...locateRule(error.file, error.ruleId), error.message.replace(`${error.file}: `, ''));
    throw error;
  }
}

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
type Stamp = [string, number, number];

function stampsOf(rulesDir: string): Stamp[] {
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
function readSnapshot(rulesDir: string, file = DEFAULT_SNAPSHOT_FILE): CompiledRuleSet | undefined {
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

/** Compile the rules folder and write its snapshot (atomically); returns the snapshot's path. */
export function writeRuleSetSnapshot(rulesDir: string = DEFAULT_RULES_DIR, file = DEFAULT_SNAPSHOT_FILE): string {
  const stamps = stampsOf(rulesDir);
  const fingerprint = ruleSetFingerprint(rulesDir);
  const ruleSet = compileFromFiles({ rulesDir });
  // The rules each preset turns on by default: most runs use one of these sets.
  const enabled = PRESETS.map((preset) => enabledRulesOf(resolveConfig({ preset }, ruleSet)));
  const snapshot = snapshotOf(ruleSet, fingerprint, enabled);
  // Pack paths relative to the folder, so the snapshot does not depend on where the repository lives.
  const data = { ...snapshot.data, packs: snapshot.data.packs.map((p) => ({ ...p, file: relative(rulesDir, p.file) })) };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ ...snapshot, data, stamps }));
  renameSync(temporary, file);
  return file;
}

function locateRule(file: string, id: string): [number, number] {
  try {
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    const i = lines.findIndex((l) => l.includes(`id: ${id}`));
    return i >= 0 ? [i + 1, (lines[i]?.indexOf('id:') ?? 0) + 1] : [1, 1];
  } catch {
    return [1, 1];
  }
}

/** Read and validate a config file (.json, .yaml/.yml, or package.json's "reframe" key). */
export function loadConfigFile(file: string): ReframeConfig {
  const parsed = parseFile(file);
  if (basename(file) === 'package.json') {
    const pkg = parsed.value as { reframe?: unknown } | null;
    if (!pkg || pkg.reframe === undefined) return {};
    const inner: ParsedData = { value: pkg.reframe, locate: (path, key) => parsed.locate(['reframe', ...path], key) };
    validateData(inner, loadSchema('config'), file);
    return pkg.reframe as ReframeConfig;
  }
  if (parsed.value === null || parsed.value === undefined) return {};
  validateData(parsed, loadSchema('config'), file);
  return parsed.value as ReframeConfig;
}
