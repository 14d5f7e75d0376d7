/**
 * One repair for overlapping findings: where a finding of another rule lies wholly inside this one
 * ("Denies [drug abuse]"), its preferred wording takes the place of its words in this finding's
 * wording ("Reports no drug abuse" → "Reports no drug misuse"). The merged repair is only as safe as
 * the least safe of the two.
 */
import type { RuleMatch } from '../matching/find.js';
import { isWording } from '../rules/repair-templates.js';
import { escapeRegExp } from '../text/regexp.js';
import type { Repair } from '../types.js';
import type { Draft, RepairContext } from './draft.js';
import { guardHolds } from './guards.js';
import { spellFor } from './locale.js';
import { pluraliseSuggestion } from './number.js';
import { isDisabled } from './suppress.js';

/** The inner finding's preferred wording here, or undefined when it has none or its rule is off. */
function innerWording(inner: RuleMatch, draft: Draft, context: RepairContext): Repair | undefined {
  const ruleId = inner.entry.rule.data.id;
  if (!context.config.severities.has(ruleId) || isDisabled(context.directives, ruleId, inner.start, inner.end)) return undefined;
  const innerDraft: Draft = { ...draft, match: inner, ruleId, start: inner.start, end: inner.end };
  const template = inner.entry.suggestions.find(
    (s) => isWording(s.kind) && !s.notUnder?.some((g) => guardHolds(g, innerDraft, context)) && !s.where && !s.follows,
  );
  if (!template) return undefined;
  const text = inner.plural ? (template.plural ?? pluraliseSuggestion(template.singular)) : template.singular;
  return { kind: template.kind, text: spellFor(context.config.locale, text) };
}

export function mergeInner(draft: Draft, context: RepairContext): Repair[] {
  const inner = draft.match.inside;
  if (!inner?.length) return draft.suggestions;
  let suggestions = draft.suggestions;
  for (const m of inner) {
    const words = context.text.slice(m.start, m.end).replace(/\s+/g, ' ');
    // Most wording does not repeat the inner words: checked before anything is built.
    const lower = words.toLowerCase();
    if (!suggestions.some((r) => r.text.toLowerCase().includes(lower))) continue;
    const wording = innerWording(m, draft, context);
    if (!wording) continue;
    const at = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(words)}(?![\\p{L}\\p{N}])`, 'iu');
    suggestions = suggestions.map((r) => {
      if (!isWording(r.kind) || !at.test(r.text)) return r;
      const text = r.text.replace(at, (found) =>
        /^\p{Lu}/u.test(found) ? wording.text.charAt(0).toUpperCase() + wording.text.slice(1) : wording.text,
      );
      return { kind: r.kind === 'safe' && wording.kind === 'safe' ? 'safe' : 'rewrite', text };
    });
  }
  return suggestions;
}
