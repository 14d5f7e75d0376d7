/** Rule sets and resolved configs per config file, loaded once per run and shared by every file. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  type CompiledRuleSet,
  ConfigError,
  DEFAULT_MAX_FILE_SIZE,
  PRESETS,
  type Preset,
  parseByteSize,
  type ReframeConfig,
  type ResolvedConfig,
  resolveConfig,
  SEVERITIES,
  type SeveritySetting,
  unknownRuleKeys,
} from '@reframe/core';
import { DEFAULT_RULES_DIR, findConfigFile, loadRuleSet, ReframeFileError, readConfigChain, TrustedRoots } from '@reframe/core/node';
import picomatch from 'picomatch';
import { crypto } from './builtins.js';
import { UsageError } from './errors.js';

/** Settings given on the command line; they win over every config file. */
export interface Overrides {
  preset?: ReframeConfig['preset'];
  rules?: Record<string, SeveritySetting>;
  /** `--max-file-size`, in bytes. */
  maxFileSize?: number;
}

const RULE_SETTINGS: readonly SeveritySetting[] = ['off', ...SEVERITIES];

/** `--preset`, `--rule ID=SEVERITY` and `--max-file-size` as overrides; bad values are usage errors. */
export function overridesFrom(values: { preset?: string; rule?: string[]; 'max-file-size'?: string }): Overrides {
  const overrides: Overrides = {};
  if (values.preset !== undefined) {
    if (!(PRESETS as readonly string[]).includes(values.preset))
      throw new UsageError(`unknown preset "${values.preset}" (use ${PRESETS.join(' or ')})`);
    overrides.preset = values.preset as Preset;
  }
  for (const setting of values.rule ?? []) {
    const m = /^([^=]+)=(.+)$/.exec(setting);
    if (!m?.[1] || !m[2] || !RULE_SETTINGS.includes(m[2] as SeveritySetting)) {
      throw new UsageError(`--rule takes ID=${RULE_SETTINGS.join('|')} (got "${setting}")`);
    }
    overrides.rules = { ...overrides.rules, [m[1].trim()]: m[2] as SeveritySetting };
  }
  const maxFileSize = maxFileSizeOption(values['max-file-size']);
  if (maxFileSize !== undefined) overrides.maxFileSize = maxFileSize;
  return overrides;
}

/** `--max-file-size SIZE` in bytes (undefined when not given); a malformed size is a usage error. */
export function maxFileSizeOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const bytes = parseByteSize(raw);
  if (bytes === undefined)
    throw new UsageError(`--max-file-size takes a size such as 500KB, 20MB or 1GB, or a number of bytes (got "${raw}")`);
  return bytes;
}

export interface FileSettings {
  ruleSet: CompiledRuleSet;
  config: ResolvedConfig;
  /** Hash of everything that changes findings: tool version, rule packs, config. For the cache. */
  readonly fingerprint: string;
  /** The config's `ignore` globs, matched against paths relative to the config file's folder. */
  isIgnored: (absPath: string) => boolean;
  /** Files larger than this many bytes are skipped with a notice, unread. */
  maxFileSize: number;
}

function hashFiles(files: string[]): string {
  const hash = crypto().createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update('\0');
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('(unreadable)');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

export class RunContext {
  private readonly ruleSets = new Map<string, { ruleSet: CompiledRuleSet; hash: () => string }>();
  private readonly settings = new Map<string, FileSettings>();
  private readonly configFiles = new Map<string, string | undefined>();

  private trusted: TrustedRoots | undefined;

  /**
   * `projectDir` is the folder the run works in (the working directory): configs and packs are read
   * only inside its project, the user's config folder and the folder of `--config` (SECURITY.md).
   */
  constructor(
    private readonly toolVersion: string,
    private readonly explicitConfig: string | undefined,
    private readonly overrides: Overrides,
    private readonly projectDir: string = process.cwd(),
  ) {}

  /** A config file and what it extends, read under the trust model. */
  private configChain(configFile: string): ReframeConfig {
    this.trusted ??= TrustedRoots.for({ projects: [this.projectDir] });
    return readConfigChain(configFile, { trust: this.trusted, named: configFile === this.explicitConfig });
  }

  ruleSetFor(packs: string[]): { ruleSet: CompiledRuleSet; hash: () => string } {
    const extra = packs.filter((p) => p !== 'equality').sort();
    const key = extra.join('\0');
    let found = this.ruleSets.get(key);
    if (!found) {
      // Hashed on first use: only --cache needs it, and it reads every rule file.
      let hash: string | undefined;
      const hashRules = (): string => {
        const bundled = readdirSync(DEFAULT_RULES_DIR)
          .filter((n) => /\.ya?ml$/.test(n))
          .sort()
          .map((n) => join(DEFAULT_RULES_DIR, n));
        hash ??= hashFiles([...bundled, ...extra]);
        return hash;
      };
      found = { ruleSet: loadRuleSet({ extraPacks: extra }), hash: hashRules };
      this.ruleSets.set(key, found);
    }
    return found;
  }

  /** The nearest config file for a folder, looked up once per folder in a run (thousands of files share a few). */
  private configFileFor(dir: string): string | undefined {
    if (!this.configFiles.has(dir)) this.configFiles.set(dir, findConfigFile(dir));
    return this.configFiles.get(dir);
  }

  /** The rule set for the config that applies in `dir` (used by `rules` and `explain`). */
  ruleSetForDir(dir: string): CompiledRuleSet {
    const configFile = this.explicitConfig ?? findConfigFile(dir);
    const fromFile = configFile ? this.configChain(configFile) : {};
    return this.ruleSetFor(fromFile.packs ?? []).ruleSet;
  }

  /** Settings for a file, from its nearest config file (or `--config`), cached per config file. */
  forFile(path: string): FileSettings {
    const configFile = this.explicitConfig ?? this.configFileFor(dirname(resolve(path)));
    const key = configFile ?? '';
    let found = this.settings.get(key);
    if (found) return found;
    const fromFile = configFile ? this.configChain(configFile) : {};
    const merged: ReframeConfig = {
      ...fromFile,
      ...(this.overrides.preset ? { preset: this.overrides.preset } : {}),
      rules: { ...fromFile.rules, ...this.overrides.rules },
    };
    const { ruleSet, hash } = this.ruleSetFor(merged.packs ?? []);
    const unknownOnCommandLine = unknownRuleKeys({ rules: this.overrides.rules ?? {} }, ruleSet);
    if (unknownOnCommandLine.length) throw new UsageError(`--rule: ${unknownOnCommandLine.join('; ')}`);
    let config: ResolvedConfig;
    try {
      config = resolveConfig(merged, ruleSet);
    } catch (error) {
      if (error instanceof ConfigError) throw new ReframeFileError(configFile ?? '(command line)', 1, 1, error.message);
      throw error;
    }
    const toolVersion = this.toolVersion;
    let fingerprint: string | undefined;
    const base = configFile ? dirname(configFile) : undefined;
    const matchers = base && merged.ignore?.length ? picomatch(merged.ignore, { dot: true }) : undefined;
    const isIgnored = (absPath: string): boolean => {
      if (!matchers || !base) return false;
      const rel = relative(base, absPath);
      return !rel.startsWith('..') && matchers(rel.split(sep).join('/'));
    };
    // The schema has already checked the config's value, so it parses.
    const fromConfig = fromFile.maxFileSize === undefined ? undefined : parseByteSize(fromFile.maxFileSize);
    const maxFileSize = this.overrides.maxFileSize ?? fromConfig ?? DEFAULT_MAX_FILE_SIZE;
    found = {
      ruleSet,
      config,
      // Computed on first use (--cache only): it hashes every rule file.
      get fingerprint(): string {
        fingerprint ??= crypto()
          .createHash('sha256')
          .update(JSON.stringify({ v: toolVersion, rules: hash(), config: merged }))
          .digest('hex');
        return fingerprint;
      },
      isIgnored,
      maxFileSize,
    };
    this.settings.set(key, found);
    return found;
  }
}
