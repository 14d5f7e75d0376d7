/**
 * `--format stylish` (default): findings grouped by file, readable at a terminal. Every text from
 * outside (file names, flagged text, rule data) is printed with its control characters escaped.
 */
import type { Severity } from '@reframe/core';
import { printable } from '../printable.js';
import { describeGenre, type LintRun, type PlacedDiagnostic } from '../types.js';

export interface StylishOptions {
  color: boolean;
  /** List every linted file, findings or not, with its genre and how it was set. */
  verbose?: boolean;
}

const CODES = { reset: 0, bold: 1, dim: 2, underline: 4, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36 } as const;
type Style = keyof typeof CODES;

function painter(enabled: boolean) {
  return (style: Style, text: string): string => (enabled ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
}

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'dim' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatStylish(run: LintRun, options: StylishOptions): string {
  const paint = painter(options.color);
  const out: string[] = [];
  for (const file of run.files) {
    if (file.skipped || (file.diagnostics.length === 0 && !options.verbose)) continue;
    const path = paint('underline', printable(file.path));
    out.push(options.verbose ? `${path} ${paint('dim', `(${describeGenre(file.genre)})`)}` : path);
    if (file.diagnostics.length === 0) out.push(paint('dim', '  no findings'));
    for (const d of file.diagnostics) out.push(...formatOne(d, paint));
    out.push('');
  }
  const s = run.summary;
  const total = s.errors + s.warnings + s.infos + s.hints;
  if (total === 0) out.push(paint('green', `✔ No findings in ${plural(s.files, 'file')}.`));
  else {
    const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning'), `${s.infos} info`, plural(s.hints, 'hint')];
    const line = `✖ ${plural(total, 'finding')} (${parts.join(', ')}) in ${plural(s.filesWithFindings, 'file')} of ${s.files}`;
    out.push(paint(s.errors ? 'red' : 'yellow', paint('bold', line)));
    if (s.fixable) out.push(paint('dim', `  ${plural(s.fixable, 'finding')} can be fixed automatically with --fix.`));
  }
  if (s.skipped) out.push(paint('dim', `  ${plural(s.skipped, 'file')} skipped (see notices above).`));
  return `${out.join('\n')}\n`;
}

function formatOne(d: PlacedDiagnostic, paint: ReturnType<typeof painter>): string[] {
  // Slide decks: the slide and its line of text. Word and OpenDocument: the paragraph, then the
  // line:column within the extracted text.
  const lineCol = `${d.range.start.line}:${d.range.start.column}`;
  const place =
    d.slide !== undefined
      ? `slide ${d.slide}${d.notes ? ' notes' : ''} line ${d.slideLine ?? 1}`
      : d.paragraph !== undefined
        ? `¶${d.paragraph} ${lineCol}`
        : lineCol;
  const where = place.padEnd(8);
  const severity = paint(SEVERITY_STYLE[d.severity], d.severity.padEnd(7));
  const actual = printable(d.actual.replace(/\s+/g, ' '));
  const lines = [`  ${paint('dim', where)} ${severity} ${paint('bold', `“${actual}”`)}  ${paint('dim', printable(d.ruleId))}`];
  const [preferred, ...others] = d.suggestions.map(printable);
  if (preferred) {
    const rest = others.length ? paint('dim', `  (or: ${others.join('; ')})`) : '';
    const how = d.fix ? '  [fixable]' : d.fixWithheld ? `  [safe, not applied here: ${d.fixWithheld}]` : '';
    lines.push(`           ${paint('green', '→')} ${preferred}${rest}${paint('dim', how)}`);
  }
  lines.push(`           ${paint('dim', `why: ${printable(d.note.replace(/\s+/g, ' '))}`)}`);
  const source = d.sources[0];
  if (source) lines.push(`           ${paint('dim', printable(`source: ${source.title}${source.url ? ` ${source.url}` : ''}`))}`);
  return lines;
}
