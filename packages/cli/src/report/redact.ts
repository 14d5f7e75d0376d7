/** --redact: leave out everything taken from the documents (flagged words, sentences, messages quoting them). */
import type { AuditReport } from './model.js';

export const REDACTED = '[redacted]';

export function redactAuditReport(audit: AuditReport): AuditReport {
  return {
    ...audit,
    redacted: true,
    files: audit.files.map((file) => ({
      ...file,
      findings: file.findings.map(({ sentence: _dropped, ...f }) => {
        const preferred = f.suggestions[0];
        const message = preferred
          ? preferred.startsWith('[')
            ? `${f.ruleId}: ${preferred.slice(1, -1)}`
            : `${f.ruleId}: consider “${preferred}”`
          : `${f.ruleId}: reconsider this wording`;
        return { ...f, actual: REDACTED, ...(f.term !== undefined ? { term: REDACTED } : {}), message };
      }),
    })),
    ...(audit.resolved ? { resolved: audit.resolved.map((r) => ({ ...r, actual: REDACTED })) } : {}),
  };
}
