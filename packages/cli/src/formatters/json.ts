/** `--format json`: exactly one JSON object, versioned; the shape other tools build on. */
import type { LintRun } from '../types.js';

export function formatJson(run: LintRun): string {
  const files = run.files.map((f) => ({
    path: f.path,
    // Every linted file has its genre ({genre, source}; genre null when there is too little text to tell).
    ...(f.genre ? { genre: { genre: f.genre.genre, source: f.genre.source } } : {}),
    ...(f.skipped ? { skipped: f.skipped } : {}),
    diagnostics: f.diagnostics,
  }));
  return `${JSON.stringify({ version: run.version, files, summary: run.summary })}\n`;
}
