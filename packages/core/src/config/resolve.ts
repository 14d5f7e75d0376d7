/**
 * The pure config resolver: from a config object (already read and validated by a loader) and the
 * compiled rule set to the settings one lint run uses. Discovery and `extends` live in the CLI.
 */

import type { RespectOptions } from '../matching/find.js';
import { SequenceIndex } from '../matching/matcher.js';
import type { Locale } from '../repair/locale.js';
import type { CompiledRule, CompiledRuleSet } from '../rules/compile.js';
import { compilePattern } from '../rules/pattern.js';
import { GENRES, type Genre, isGenre } from '../scope/kinds.js';
import type { IdentityCommunity, IdentityPreference, Severity, SeveritySetting } from '../types.js';

export const PRESETS = ['clinical-notes', 'training-materials'] as const;
export type Preset = (typeof PRESETS)[number];

/** The config file shape (`.reframerc.json` and friends); see schema/config.schema.json. */
export interface ReframeConfig {
  $schema?: string;
  extends?: string | string[];
  preset?: Preset;
  rules?: Record<string, SeveritySetting>;
  allow?: string[];
  locale?: Locale;
  identity?: Partial<Record<IdentityCommunity, IdentityPreference>>;
  respect?: Partial<RespectOptions>;
  /** Extra packs: "equality" (retext-equality, opt-in) or paths to YAML packs. */
  packs?: string[];
  ignore?: string[];
  /** Larger files are skipped with a notice: bytes, or a size such as "20MB" (see byte-size.ts). */
  maxFileSize?: number | string;
  /** What kind of documents these are; "auto" (the default) detects it per document. */
  genre?: Genre | 'auto';
}

export interface ResolvedConfig {
  preset: Preset;
  locale: Locale;
  respect: RespectOptions;
  identity: Record<IdentityCommunity, IdentityPreference>;
  equality: boolean;
  /** Severity for each enabled rule; rules not in the map are off. */
  severities: Map<string, Severity>;
  /** Rules whose severity the config sets by id or category: a rule's own severity by genre does not override them. */
  configured: Set<string>;
  /** The genre every document has under this config, or "auto" to detect it per document. */
  genre: Genre | 'auto';
  /** Extra allowed phrases from the config. */
  allow: SequenceIndex<true> | null;
}

/** Preset defaults. Rules may also list the presets they belong to (`presets:` in a pack). */
const PRESET_DEFAULTS: Record<Preset, { rules: Record<string, SeveritySetting>; respect: RespectOptions }> = {
  'clinical-notes': { rules: {}, respect: { quotes: true, mentions: true, selfDescription: true } },
  // Training materials are read by many people and teach the wording: raise hints to warnings.
  'training-materials': {
    rules: { 'relationships/*': 'warning', 'credibility/*': 'warning' },
    respect: { quotes: true, mentions: true, selfDescription: true },
  },
};

export class ConfigError extends Error {}

/** Looks a rule id up among the known ones and suggests the nearest when it is not there. */
export function nearestRuleId(id: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = editDistance(id, candidate);
    if (d < bestScore) {
      bestScore = d;
      best = candidate;
    }
  }
  return best !== undefined && bestScore <= Math.max(3, Math.floor(id.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

function severityFor(rule: CompiledRule, overrides: Array<Record<string, SeveritySetting>>): SeveritySetting {
  let setting: SeveritySetting = rule.data.severity;
  for (const table of overrides) {
    const byCategory = table[`${rule.data.category}/*`] ?? table[rule.data.category];
    if (byCategory) setting = byCategory;
    const byId = table[rule.data.id];
    if (byId) setting = byId;
  }
  return setting;
}

/** Checks rule keys in a config against the rule set; returns messages for unknown ones. */
export function unknownRuleKeys(config: ReframeConfig, ruleSet: CompiledRuleSet): string[] {
  const categories = new Set([...ruleSet.rules.values()].map((r) => r.data.category));
  const problems: string[] = [];
  for (const key of Object.keys(config.rules ?? {})) {
    if (ruleSet.rules.has(key)) continue;
    const category = key.endsWith('/*') ? key.slice(0, -2) : key;
    if (categories.has(category)) continue;
    const near = nearestRuleId(key, [...ruleSet.rules.keys(), ...[...categories].map((c) => `${c}/*`)]);
    problems.push(`unknown rule "${key}"${near ? ` (did you mean "${near}"?)` : ''}`);
  }
  return problems;
}

export interface EnabledRules {
  /** The sorted ids: names the set (the prefilter's cache key). */
  key: string;
  has: (ruleId: string) => boolean;
}

const enabledCache = new WeakMap<ResolvedConfig, EnabledRules>();
/** The rules a configuration turns on. */
export function enabledRulesOf(config: ResolvedConfig): EnabledRules {
  let found = enabledCache.get(config);
  if (!found) {
    const { severities } = config;
    found = { key: [...severities.keys()].sort().join('\n'), has: (id) => severities.has(id) };
    enabledCache.set(config, found);
  }
  return found;
}

export function resolveConfig(config: ReframeConfig, ruleSet: CompiledRuleSet): ResolvedConfig {
  const preset = config.preset ?? 'clinical-notes';
  const defaults = PRESET_DEFAULTS[preset];
  if (!defaults) throw new ConfigError(`unknown preset "${preset}" (use ${PRESETS.join(' or ')})`);
  const problems = unknownRuleKeys(config, ruleSet);
  if (problems.length) throw new ConfigError(problems.join('; '));
  const identity: Record<IdentityCommunity, IdentityPreference> = {
    autism: config.identity?.autism ?? 'either',
    deaf: config.identity?.deaf ?? 'either',
    disability: config.identity?.disability ?? 'either',
  };
  const genre = config.genre ?? 'auto';
  if (genre !== 'auto' && !isGenre(genre)) throw new ConfigError(`unknown genre "${String(genre)}" (use auto, ${GENRES.join(', ')})`);
  const severities = new Map<string, Severity>();
  const configured = new Set<string>();
  const userRules = config.rules ?? {};
  for (const rule of ruleSet.rules.values()) {
    const { id, category } = rule.data;
    if (userRules[id] !== undefined || userRules[`${category}/*`] !== undefined || userRules[category] !== undefined) configured.add(id);
    if (rule.data.presets && !rule.data.presets.includes(preset)) continue;
    const only = rule.data.onlyWhen;
    if (only && identity[only.community] !== only.preference) continue;
    const setting = severityFor(rule, [defaults.rules, config.rules ?? {}]);
    if (setting !== 'off') severities.set(rule.data.id, setting);
  }
  let allow: SequenceIndex<true> | null = null;
  if (config.allow?.length) {
    allow = new SequenceIndex<true>();
    for (const phrase of config.allow) {
      try {
        for (const seq of compilePattern(phrase)) allow.add(seq, true);
      } catch (error) {
        throw new ConfigError(`allow: ${(error as Error).message}`);
      }
    }
  }
  return {
    preset,
    locale: config.locale ?? 'en-AU',
    respect: { ...defaults.respect, ...config.respect },
    identity,
    equality: config.packs?.includes('equality') ?? false,
    severities,
    configured,
    genre,
    allow,
  };
}
