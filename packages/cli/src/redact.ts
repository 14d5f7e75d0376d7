/**
 * `--redact`: drop everything taken from the document (the flagged text and the message built
 * around it) so a report can be shared without the note's content. Rule data stays.
 */
import { isAdvice, type Repair } from '@reframe/core';
import type { LintRun } from './types.js';

export const REDACTED = '[redacted]';

/** A message that quotes nothing from the document: the rule and its preferred repair only. */
export function redactedMessage(ruleId: string, repairs: readonly Repair[]): string {
  const preferred = repairs[0];
  if (preferred === undefined) return `${ruleId}: reconsider this wording`;
  return isAdvice(preferred) ? `${ruleId}: ${preferred.text}` : `${ruleId}: consider “${preferred.text}”`;
}

export function redactLintRun(run: LintRun): LintRun {
  return {
    ...run,
    files: run.files.map((f) => ({
      ...f,
      diagnostics: f.diagnostics.map((d) => ({
        ...d,
        actual: REDACTED,
        ...(d.term !== undefined ? { term: REDACTED } : {}),
        message: redactedMessage(d.ruleId, d.repairs),
      })),
    })),
  };
}
