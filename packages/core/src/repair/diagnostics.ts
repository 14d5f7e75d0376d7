/** Rule matches to diagnostics: each match runs through the repair steps (steps.ts), then takes its final shape. */
import type { RuleMatch } from '../matching/find.js';
import type { LineIndex } from '../text/positions.js';
import type { Diagnostic } from '../types.js';
import { shownText } from './conventions.js';
import { messageFor } from './message.js';
import { type Draft, REPAIR_STEPS, type RepairContext } from './steps.js';

export function toDiagnostics(matches: readonly RuleMatch[], context: RepairContext, lines: LineIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const match of matches) {
    const draft: Draft = {
      match,
      ruleId: match.entry.rule.data.id,
      severity: 'info',
      start: match.start,
      end: match.end,
      suggestions: [],
      fix: false,
      articleTakenIn: false,
    };
    if (REPAIR_STEPS.every(([, step]) => step(draft, context))) out.push(diagnosticOf(draft, context.text, lines));
  }
  return out;
}

function diagnosticOf(draft: Draft, text: string, lines: LineIndex): Diagnostic {
  const { match, start, end, suggestions } = draft;
  const rule = match.entry.rule;
  const actual = text.slice(start, end);
  const diagnostic: Diagnostic = {
    ruleId: draft.ruleId,
    category: rule.data.category,
    severity: draft.severity,
    message: messageFor(actual, suggestions, rule.data.message),
    actual,
    ...(start !== match.start ? { term: text.slice(match.start, end) } : {}),
    range: { start: lines.position(start), end: lines.position(end) },
    suggestions: suggestions.map(shownText),
    repairs: suggestions,
    note: rule.data.note.trim(),
    sources: rule.sources,
  };
  const preferred = suggestions[0];
  if (draft.fix && preferred) diagnostic.fix = { range: [start, end], text: preferred.text };
  else if (draft.withheld) diagnostic.fixWithheld = draft.withheld;
  return diagnostic;
}
