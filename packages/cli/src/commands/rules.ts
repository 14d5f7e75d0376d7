/** `reframe rules` and `reframe explain RULE_ID`: what the rules are and why they exist. */
import {
  type CompiledRule,
  type CompiledRuleSet,
  describeScope,
  nearestRuleId,
  type ResolvedConfig,
  repairTemplateOf,
  type Suggestion,
} from '@reframe/core';
import { UsageError } from '../errors.js';

/** A suggestion as written (advice in brackets) and its repair kind. */
function suggestionOf(s: Suggestion): { text: string; kind: string } {
  const t = repairTemplateOf(s);
  if (typeof t === 'string') return { text: '', kind: 'rewrite' };
  return { text: t.kind === 'safe' || t.kind === 'rewrite' ? t.singular : `[${t.singular}]`, kind: t.kind };
}

/** Some phrase of the rule has a `safe` first suggestion: applied automatically where the guards allow (as the rule reference counts it). */
function isFixable(rule: CompiledRule): boolean {
  const safeFirst = (list: Suggestion[]) => {
    const first = list[0];
    return typeof first === 'object' && 'safe' in first;
  };
  return rule.data.match.some((m) => safeFirst((typeof m === 'object' ? m.suggestions : undefined) ?? rule.data.suggestions));
}

export interface RulesOptions {
  category?: string | undefined;
  json: boolean;
}

export function listRules(ruleSet: CompiledRuleSet, config: ResolvedConfig, options: RulesOptions): string {
  const rules = [...ruleSet.rules.values()]
    .filter((r) => !options.category || r.data.category === options.category)
    .sort((a, b) => (a.data.id < b.data.id ? -1 : 1));
  if (options.category && rules.length === 0) {
    const categories = [...new Set([...ruleSet.rules.values()].map((r) => r.data.category))].sort();
    throw new UsageError(`no rules in category "${options.category}" (categories: ${categories.join(', ')})`);
  }
  const rows = rules.map((r) => ({
    id: r.data.id,
    category: r.data.category,
    severity: config.severities.get(r.data.id) ?? 'off',
    fixable: isFixable(r),
    preferred: r.data.suggestions[0] ? suggestionOf(r.data.suggestions[0]).text : undefined,
    preferredKind: r.data.suggestions[0] ? suggestionOf(r.data.suggestions[0]).kind : undefined,
    sources: r.sources.map((s) => s.key),
  }));
  if (options.json) return `${JSON.stringify(rows)}\n`;
  const width = Math.max(...rows.map((r) => r.id.length), 4);
  const lines = rows.map(
    (r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.fixable ? 'fixable' : '       '}  ${r.preferred ?? ''}`,
  );
  return `${'RULE'.padEnd(width)}  SEVERITY  FIX      PREFERRED\n${lines.join('\n')}\n${rows.length} rule${rows.length === 1 ? '' : 's'}.\n`;
}

export function explainRule(ruleSet: CompiledRuleSet, config: ResolvedConfig, id: string): string {
  const rule = ruleSet.rules.get(id);
  if (!rule) {
    const near = nearestRuleId(id, ruleSet.rules.keys());
    throw new UsageError(`unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}; run "reframe rules" for the list`);
  }
  const d = rule.data;
  const severity = config.severities.get(d.id) ?? 'off';
  const out = [
    `${d.id}`,
    `Category: ${d.category}   Severity: ${severity} (default ${d.severity})${isFixable(rule) ? '   Fixable with --fix' : ''}`,
    '',
  ];
  out.push(d.note.trim().replace(/\s+/g, ' '), '');
  const scope = describeScope(d);
  if (scope.length) out.push(...scope, '');
  out.push('Flags:');
  for (const m of d.match) {
    const own = typeof m === 'object' ? m.suggestions : undefined;
    const shown = own?.map((s) => {
      const { text, kind } = suggestionOf(s);
      return `${text} (${kind})`;
    });
    out.push(`  - ${typeof m === 'string' ? m : m.phrase}${shown ? `  → ${shown.join('; ')}` : ''}`);
  }
  out.push('', 'Suggestions for the other phrases (preferred first, with the repair kind; only a safe first one is applied by --fix):');
  for (const s of d.suggestions) {
    const { text, kind } = suggestionOf(s);
    out.push(`  - ${text}  (${kind})`);
  }
  if (d.examples.flag.length || d.examples.pass.length) {
    out.push('', 'Examples:');
    for (const e of d.examples.flag) out.push(`  ✖ ${e}`);
    for (const e of d.examples.pass) out.push(`  ✔ ${e}`);
  }
  out.push('', 'Sources:');
  for (const s of rule.sources) out.push(`  - [${s.key}] ${s.title}${s.url ? ` ${s.url}` : ''}`);
  return `${out.join('\n')}\n`;
}
