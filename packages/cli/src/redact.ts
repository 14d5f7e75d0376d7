/**
 * `--redact`: drop everything taken from the document (the flagged text and the message built
 * around it) so a report can be shared without the note's content. Rule data stays.
 */
import type { LintRun } from './types.js';

export const REDACTED = '[redacted]';

export function redactLintRun(run: LintRun): LintRun {
  return {
    ...run,
    files: run.files.map((f) => ({
      ...f,
      diagnostics: f.diagnostics.map((d) => {
        const preferred = d.suggestions[0];
        const message = preferred
          ? preferred.startsWith('[')
            ? `${d.ruleId}: ${preferred.slice(1, -1)}`
            : `${d.ruleId}: consider “${preferred}”`
          : `${d.ruleId}: reconsider this wording`;
        return { ...d, actual: REDACTED, ...(d.term !== undefined ? { term: REDACTED } : {}), message };
      }),
    })),
  };
}
