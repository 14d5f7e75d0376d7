/** Shared test helpers: the bundled rule set, loaded once per test file. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type CompiledRuleSet,
  type Diagnostic,
  type DocumentFormat,
  lint,
  type ReframeConfig,
  type ResolvedConfig,
  resolveConfig,
} from '../src/index.js';
import { loadRuleSet } from '../src/node/index.js';
import type { CompiledRule } from '../src/rules/compile.js';

/** The shared corpora next to the repository (absent in a lone clone: tests that need them skip). */
export const MTSAMPLES = fileURLToPath(new URL('../../../../shared/corpus/mtsamples.jsonl', import.meta.url));
export const DEV_SET = fileURLToPath(new URL('../../../../shared/eval/dev.jsonl', import.meta.url));

let cached: CompiledRuleSet | undefined;
export function bundledRuleSet(): CompiledRuleSet {
  cached ??= loadRuleSet();
  return cached;
}

export function check(text: string, options: { format?: DocumentFormat; config?: ReframeConfig } = {}): Diagnostic[] {
  const ruleSet = bundledRuleSet();
  const config = options.config ? resolveConfig(options.config, ruleSet) : undefined;
  return lint(text, { ruleSet, format: options.format ?? 'text', ...(config ? { config } : {}) });
}

export const ids = (ds: Diagnostic[]): string[] => ds.map((d) => d.ruleId);
export const actuals = (ds: Diagnostic[]): string[] => ds.map((d) => d.actual);

/** The configuration a rule's own examples are written for: its community preference and preset. */
export function exampleConfig(rule: CompiledRule, ruleSet: CompiledRuleSet): ResolvedConfig {
  const only = rule.data.onlyWhen;
  const raw: ReframeConfig = {
    ...(only ? { identity: { [only.community]: only.preference } } : {}),
    ...(rule.data.presets && !rule.data.presets.includes('clinical-notes')
      ? { preset: rule.data.presets[0] as ReframeConfig['preset'] }
      : {}),
  };
  return resolveConfig(raw, ruleSet);
}

/** Every rule example (flag and pass) and, when ../shared is there, every dev-set sentence. */
export function labelledSentences(): string[] {
  const texts: string[] = [];
  for (const rule of bundledRuleSet().rules.values()) texts.push(...rule.data.examples.flag, ...rule.data.examples.pass);
  if (existsSync(DEV_SET)) {
    for (const line of readFileSync(DEV_SET, 'utf8').split('\n'))
      if (line.trim()) texts.push(String((JSON.parse(line) as { text: string }).text));
  }
  return texts;
}

/** A small seeded generator in [0, 1), so synthetic corpora are the same on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
