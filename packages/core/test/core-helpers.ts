/** A small invented rule set under test/fixtures/rules, independent of the bundled packs. */
import { fileURLToPath } from 'node:url';
import { type CompiledRuleSet, type Diagnostic, type DocumentFormat, lint, type ReframeConfig, resolveConfig } from '../src/index.js';
import { loadRuleSet } from '../src/node.js';

export const FIXTURE_RULES = fileURLToPath(new URL('./fixtures/rules', import.meta.url));

let cached: CompiledRuleSet | undefined;
export function fixtureRuleSet(): CompiledRuleSet {
  cached ??= loadRuleSet({ rulesDir: FIXTURE_RULES });
  return cached;
}

export function run(text: string, options: { format?: DocumentFormat; config?: ReframeConfig } = {}): Diagnostic[] {
  const ruleSet = fixtureRuleSet();
  const config = resolveConfig(options.config ?? {}, ruleSet);
  return lint(text, { ruleSet, config, format: options.format ?? 'text' });
}

export const found = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.ruleId}:${d.actual}`);
