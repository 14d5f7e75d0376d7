/** A small invented rule set under test/fixtures/rules, independent of the bundled packs. */
import { fileURLToPath } from 'node:url';
import {
  type CompiledRuleSet,
  type ContextData,
  type Diagnostic,
  type DocumentFormat,
  lint,
  type ReframeConfig,
  type RuleData,
  resolveConfig,
} from '../src/index.js';
import { loadRuleSet } from '../src/node/index.js';
import { compileRuleSet } from '../src/rules/compile.js';

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

export type InventedRule = Partial<RuleData> & Pick<RuleData, 'id' | 'match'>;

/** A tiny rule set built in memory from invented rules, so a test checks the engine, not the bundled data. */
export function inventedRuleSet(rules: InventedRule[], context: Partial<ContextData> = {}): CompiledRuleSet {
  return compileRuleSet({
    packs: [
      {
        file: 'test.yml',
        rules: rules.map((r) => ({
          category: r.id.split('/')[0] ?? 'test',
          severity: 'warning',
          suggestions: [{ instruction: 'reword' }],
          note: 'invented rule for an engine test',
          sources: ['SRC'],
          examples: { flag: [], pass: [] },
          ...r,
        })),
      },
    ],
    sources: { SRC: { title: 'Invented source', url: 'https://example.invalid/' } },
    context: { allow: [], mentionCues: [], selfDescriptionCues: [], equalityIgnoreRules: [], ...context },
  });
}
