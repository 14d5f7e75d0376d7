/** --redact: leave out everything taken from the documents (flagged words, sentences, messages quoting them). */
import { REDACTED, redactedMessage } from '../redact.js';
import type { AuditReport } from './model.js';

export function redactAuditReport(audit: AuditReport): AuditReport {
  return {
    ...audit,
    redacted: true,
    files: audit.files.map((file) => ({
      ...file,
      findings: file.findings.map(({ sentence: _dropped, ...f }) => ({
        ...f,
        actual: REDACTED,
        ...(f.term !== undefined ? { term: REDACTED } : {}),
        message: redactedMessage(f.ruleId, f.repairs),
      })),
    })),
    ...(audit.resolved ? { resolved: audit.resolved.map((r) => ({ ...r, actual: REDACTED })) } : {}),
  };
}
