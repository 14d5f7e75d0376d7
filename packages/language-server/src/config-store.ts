/**
 * Rules and settings for a document: the rule set (loaded once per set of extra packs), the config
 * file found by the CLI's discovery (nearest file upward), client settings merged over it, and the
 * last good result when a config file is broken. Problems are handed to `report` per file so the
 * server can show them as diagnostics on that file.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { type CompiledRuleSet, ConfigError, parseByteSize, type ReframeConfig, type ResolvedConfig, resolveConfig } from '@reframe/core';
import {
  DEFAULT_RULES_DIR,
  findConfigFile,
  loadRuleSet,
  ReframeFileError,
  ReframeFileErrors,
  readConfigChain,
  TrustedRoots,
} from '@reframe/core/node';
import picomatch from 'picomatch';
import { type ClientSettings, mergeOverFile } from './settings.js';

export interface Problem {
  line: number;
  column: number;
  message: string;
}

export interface Settings {
  ruleSet: CompiledRuleSet;
  config: ResolvedConfig;
  /** Changes whenever the rule set or resolved config changes; block caches are keyed by it. */
  key: string;
  configFile: string | undefined;
  /** The config's `ignore` globs, matched against paths relative to the config file's folder. */
  isIgnored: (absPath: string) => boolean;
  /** The config file's `maxFileSize` in bytes, when it sets one. */
  maxFileSize?: number;
}

function ignoreMatcher(configFile: string | undefined, globs: string[] | undefined): (absPath: string) => boolean {
  if (!configFile || !globs?.length) return () => false;
  const base = dirname(configFile);
  const matches = picomatch(globs, { dot: true });
  return (absPath) => {
    const rel = relative(base, absPath);
    return rel !== '' && !rel.startsWith('..') && matches(rel.split(sep).join('/'));
  };
}

/** Modification time, so edits are seen even by clients that cannot watch files. */
function mtimeOf(file: string | undefined): number {
  if (!file) return 0;
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** Changes made by the server's own workspace edits, in force until the file is saved. */
export interface PendingChange {
  allow: string[];
  rulesOff: string[];
}

export type ProblemReporter = (file: string, problems: Problem[]) => void;

function problemsOf(error: unknown, fallbackFile: string): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  const add = (file: string, p: Problem) => out.set(file, [...(out.get(file) ?? []), p]);
  if (error instanceof ReframeFileErrors) for (const e of error.errors) add(e.file, { line: e.line, column: e.column, message: e.detail });
  else if (error instanceof ReframeFileError) add(error.file, { line: error.line, column: error.column, message: error.detail });
  else add(fallbackFile, { line: 1, column: 1, message: error instanceof Error ? error.message : String(error) });
  return out;
}

export class ConfigStore {
  readonly rulesDir: string;
  private readonly ruleSets = new Map<string, CompiledRuleSet>();
  private readonly resolved = new Map<string, Settings>();
  private readonly lastGood = new Map<string, Settings>();
  private readonly pending = new Map<string, PendingChange>();
  /** Files with problems reported while resolving each config file, to clear once it resolves. */
  private readonly reported = new Map<string, Set<string>>();
  /** The trusted folders per workspace root (SECURITY.md: its project, the user's config folder). */
  private readonly trusted = new Map<string, TrustedRoots>();

  constructor(
    rulesDir: string | undefined,
    private readonly report: ProblemReporter,
  ) {
    this.rulesDir = rulesDir ?? DEFAULT_RULES_DIR;
  }

  /** Forget everything read from disk (a config or pack file changed); last good results stay. */
  invalidate(): void {
    this.resolved.clear();
    this.ruleSets.clear();
    this.trusted.clear();
  }

  /**
   * The trusted folders for documents under `root` (the workspace folder that holds them, else their
   * own folder): its project (the top of its git repository) and the user's config folder.
   */
  private trustFor(root: string): TrustedRoots {
    let found = this.trusted.get(root);
    if (!found) {
      found = TrustedRoots.for({ projects: [root] });
      this.trusted.set(root, found);
    }
    return found;
  }

  /**
   * Why the config file `file` would be refused with `text` as its content (schema, extends, packs,
   * rule ids), or undefined when it would load: checked before the server writes it.
   */
  problemWith(file: string, text: string): string | undefined {
    try {
      const config = readConfigChain(file, { trust: this.trustFor(dirname(file)), text });
      resolveConfig(config, this.ruleSetFor(config.packs ?? []));
      return undefined;
    } catch (error) {
      if (error instanceof ReframeFileErrors) return error.errors.map((e) => e.message).join('; ');
      if (error instanceof ReframeFileError || error instanceof ConfigError) return error.message;
      throw error;
    }
  }

  /** Forget cached results that depend on client settings. */
  clearResolved(): void {
    this.resolved.clear();
  }

  addPending(file: string, change: Partial<PendingChange>): void {
    const p = this.pending.get(file) ?? { allow: [], rulesOff: [] };
    p.allow.push(...(change.allow ?? []));
    p.rulesOff.push(...(change.rulesOff ?? []));
    this.pending.set(file, p);
    this.resolved.clear();
  }

  /** The file was saved (or changed on disk): what it says now is the truth. */
  dropPending(file: string): void {
    this.pending.delete(file);
  }

  hasPending(file: string): boolean {
    return this.pending.has(file);
  }

  /** The rule set with the bundled packs (for `explain` and the rule pages). */
  defaultRuleSet(): CompiledRuleSet {
    return this.ruleSetFor([]);
  }

  private ruleSetFor(packs: string[]): CompiledRuleSet {
    const extra = packs.filter((p) => p !== 'equality').sort();
    const key = extra.join('\0');
    let found = this.ruleSets.get(key);
    if (!found) {
      found = loadRuleSet({ rulesDir: this.rulesDir, extraPacks: extra });
      this.ruleSets.set(key, found);
    }
    return found;
  }

  /** The config file that applies to a document in `dir` (or to the workspace root). */
  configFileFor(dir: string | undefined): string | undefined {
    return dir ? findConfigFile(dir) : undefined;
  }

  /**
   * Settings for a document in `dir`. `pendingFile` is the workspace's `.reframerc.json` path, whose
   * not-yet-saved changes apply when it is (or would be) the file that governs `dir`.
   */
  settingsFor(dir: string | undefined, client: ClientSettings, pendingFile?: string): Settings {
    const found = this.configFileFor(dir);
    const configFile = pendingFile && this.pending.has(pendingFile) && governs(pendingFile, found) ? pendingFile : found;
    const cacheKey = `${configFile ?? ''}\0${mtimeOf(found)}\0${JSON.stringify(client)}`;
    const cached = this.resolved.get(cacheKey);
    if (cached) return cached;
    const owner = configFile ?? '';
    try {
      // A pending .reframerc.json extends whatever governed before it (see workspace-edits.ts).
      // Read under the trust model: the document's workspace folder is its project.
      const trust = found ? this.trustFor(pendingFile ? dirname(pendingFile) : dirname(found)) : undefined;
      const fromFile = this.withPending(configFile, found ? readConfigChain(found, { trust }) : {});
      const ruleSet = this.ruleSetFor(fromFile.packs ?? []);
      let fileOnly: ResolvedConfig;
      try {
        fileOnly = resolveConfig(fromFile, ruleSet);
      } catch (error) {
        if (error instanceof ConfigError) throw new ReframeFileError(found ?? '(settings)', 1, 1, error.message);
        throw error;
      }
      const config = this.withClient(fromFile, client, ruleSet, fileOnly);
      const key = createHash('sha256').update(JSON.stringify({ configFile, fromFile, client })).digest('hex').slice(0, 16);
      const settings: Settings = {
        ruleSet,
        config,
        key: `${key}:${this.generation(ruleSet)}`,
        configFile,
        isIgnored: ignoreMatcher(found, fromFile.ignore),
      };
      const maxFileSize = fromFile.maxFileSize === undefined ? undefined : parseByteSize(fromFile.maxFileSize);
      if (maxFileSize !== undefined) settings.maxFileSize = maxFileSize;
      this.resolved.set(cacheKey, settings);
      this.lastGood.set(owner, settings);
      this.clearProblems(owner);
      return settings;
    } catch (error) {
      if (!(error instanceof ReframeFileError || error instanceof ReframeFileErrors || error instanceof ConfigError)) throw error;
      const files = new Set<string>();
      for (const [file, problems] of problemsOf(error, configFile ?? this.rulesDir)) {
        files.add(file);
        this.report(file, problems);
      }
      this.reported.set(owner, files);
      const previous = this.lastGood.get(owner);
      if (previous) return previous;
      // Nothing good yet for this file: the bundled rules with client settings only.
      const ruleSet = this.ruleSetFor([]);
      const fallback: Settings = {
        ruleSet,
        config: this.withClient({}, client, ruleSet, resolveConfig({}, ruleSet)),
        key: `fallback:${this.generation(ruleSet)}`,
        configFile,
        isIgnored: () => false,
      };
      this.resolved.set(cacheKey, fallback);
      return fallback;
    }
  }

  private withPending(configFile: string | undefined, config: ReframeConfig): ReframeConfig {
    const p = configFile ? this.pending.get(configFile) : undefined;
    if (!p) return config;
    const rules = { ...config.rules };
    for (const id of p.rulesOff) rules[id] = 'off';
    return { ...config, rules, allow: [...(config.allow ?? []), ...p.allow] };
  }

  /** Client settings over the file; when they do not resolve (an unknown rule id), the file alone. */
  private withClient(file: ReframeConfig, client: ClientSettings, ruleSet: CompiledRuleSet, fileOnly: ResolvedConfig): ResolvedConfig {
    try {
      return resolveConfig(mergeOverFile(file, client), ruleSet);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.report('(settings)', [{ line: 1, column: 1, message: `reframe settings ignored: ${error.message}` }]);
      return fileOnly;
    }
  }

  private clearProblems(owner: string): void {
    const files = this.reported.get(owner);
    if (!files) return;
    this.reported.delete(owner);
    for (const file of files) this.report(file, []);
  }

  private readonly ids = new WeakMap<CompiledRuleSet, number>();
  private nextId = 0;
  private generation(ruleSet: CompiledRuleSet): number {
    let id = this.ids.get(ruleSet);
    if (id === undefined) this.ids.set(ruleSet, (id = ++this.nextId));
    return id;
  }
}

/** Whether the workspace file `pendingFile` would be the config for a directory whose discovery found `found`. */
function governs(pendingFile: string, found: string | undefined): boolean {
  if (!found) return true;
  if (found === pendingFile) return true;
  // A config file in the same folder as .reframerc.json (yaml, package.json) is shadowed by it,
  // and a config file above the workspace root is too.
  const root = dirname(pendingFile);
  const foundDir = dirname(found);
  return foundDir === root || !foundDir.startsWith(root + sep);
}
