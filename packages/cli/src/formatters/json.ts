/** `--format json`: exactly one JSON object, versioned; the shape other tools build on. */
import type { LintRun } from '../types.js';

export function formatJson(run: LintRun): string {
  const files = run.files.map((f) => ({
    path: f.path,
    ...(f.skipped ? { skipped: f.skipped } : {}),
    diagnostics: f.diagnostics,
  }));
  return `${JSON.stringify({ version: run.version, files, summary: run.summary })}\n`;
}
