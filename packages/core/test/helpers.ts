/** Shared test helpers: the bundled rule set, loaded once per test file. */
import { type CompiledRuleSet, type Diagnostic, type DocumentFormat, lint, type ReframeConfig, resolveConfig } from '../src/index.js';
import { loadRuleSet } from '../src/node.js';

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
