/** Hover text for findings and the `reframe.explain` page for a rule, as Markdown. */
import { type CompiledRule, describeScope, isAdvice, type RuleData, repairTemplateOf, type SourceRef, wordingOf } from '@reframe/core';
import type { FindingData } from './findings.js';

/** How the preferred repair is used: applied by Fix all when safe and allowed here, else offered. */
function fixNote(data: FindingData): string {
  const first = data.repairs[0];
  if (!first || isAdvice(first)) return '';
  if (data.fix) return ' *(safe: Fix all applies the first)*';
  if (first.kind === 'safe') return ` *(safe, but not applied automatically here: ${data.fixWithheld ?? 'a guard holds it back'})*`;
  return ' *(offered: needs your judgement)*';
}

function sourceLinks(sources: SourceRef[]): string {
  return sources.map((s) => `- [${escapeMarkdown(s.title)}](${s.url})`).join('\n');
}

/** Markdown-escape text that comes from rule data or the document. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** `note` and `sources` are the rule's (looked up by rule id, not sent in `data`). */
export function hoverMarkdown(
  findings: Array<{ data: FindingData; message: string; note: string | undefined; sources: SourceRef[]; rule?: RuleData }>,
): string {
  return findings
    .map(({ data, message, note, sources, rule }) => {
      const parts = [`**${escapeMarkdown(message)}** · \`${data.ruleId}\``];
      if (note) parts.push(escapeMarkdown(note.trim()));
      const scope = rule ? describeScope(rule) : [];
      if (scope.length) parts.push(`*${escapeMarkdown(scope.join(' '))}*`);
      const wording = wordingOf(data.repairs);
      const advice = data.repairs.filter(isAdvice);
      if (wording.length) parts.push(`**Suggestions:** ${wording.map((s) => `“${escapeMarkdown(s)}”`).join(', ')}${fixNote(data)}`);
      if (advice.length) parts.push(advice.map((r) => `*${escapeMarkdown(r.text)}*`).join('\n\n'));
      if (sources.length) parts.push(`**Sources:**\n${sourceLinks(sources)}`);
      return parts.join('\n\n');
    })
    .join('\n\n---\n\n');
}

export function explainMarkdown(rule: CompiledRule, reference: string | undefined): string {
  const d = rule.data;
  const phrases = d.match.map((m) => (typeof m === 'string' ? m : m.phrase));
  const suggestions = d.suggestions.flatMap((s) => {
    const t = repairTemplateOf(s);
    if (typeof t === 'string') return [];
    return [t.kind === 'safe' || t.kind === 'rewrite' ? `${t.singular}” (${t.kind})` : `[${t.singular}]” (${t.kind})`];
  });
  const parts = [`# ${d.id}`, `Category: \`${d.category}\` · default severity: \`${d.severity}\``, escapeMarkdown(d.note.trim())];
  const scope = describeScope(d);
  if (scope.length) parts.push(`*${escapeMarkdown(scope.join(' '))}*`);
  parts.push(`**Flags:** ${phrases.map((p) => `“${escapeMarkdown(p)}”`).join(', ')}`);
  if (suggestions.length)
    parts.push(`**Suggestions** (only a safe one is applied automatically): ${suggestions.map((s) => `“${escapeMarkdown(s)}`).join(', ')}`);
  if (d.examples.flag.length) parts.push(`**Flagged:**\n${d.examples.flag.map((e) => `- ${escapeMarkdown(e)}`).join('\n')}`);
  if (d.examples.pass.length) parts.push(`**Not flagged:**\n${d.examples.pass.map((e) => `- ${escapeMarkdown(e)}`).join('\n')}`);
  if (rule.sources.length) parts.push(`**Sources:**\n${sourceLinks(rule.sources)}`);
  if (reference) parts.push(`[Rule reference](${reference})`);
  return `${parts.join('\n\n')}\n`;
}
