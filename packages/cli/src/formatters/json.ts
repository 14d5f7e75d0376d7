/** `--format json`: exactly one JSON object, versioned; the shape other tools build on. */
import type { Report } from '../types.js';

export function formatJson(report: Report): string {
  const files = report.files.map((f) => ({
    path: f.path,
    ...(f.skipped ? { skipped: f.skipped } : {}),
    diagnostics: f.diagnostics,
  }));
  return `${JSON.stringify({ version: report.version, files, summary: report.summary })}\n`;
}
