/** `--format github`: GitHub Actions workflow commands, shown as annotations on the changed files. */
import type { Severity } from '@reframe/core';
import { printableLines } from '../printable.js';
import { describePlace, type LintRun } from '../types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/**
 * Escaping for the message part (after `::`): what workflow commands need (`%`, CR, LF; the runner
 * turns them back), and every other control character written out, as a CI log is shown by a terminal.
 */
export function escapeData(value: string): string {
  return printableLines(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for property values (file=…, title=…): also `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(run: LintRun): string {
  const out: string[] = [];
  for (const file of run.files) {
    for (const d of file.diagnostics) {
      const props = [`file=${escapeProperty(file.path)}`];
      // Office documents have no lines of their own: annotate the file and name the slide or paragraph in the message.
      const place = describePlace(d);
      if (place === undefined) {
        const { start, end } = d.range;
        props.push(`line=${start.line}`, `col=${start.column}`, `endLine=${end.line}`, `endColumn=${end.column}`);
      }
      props.push(`title=${escapeProperty(`reframe ${d.ruleId}`)}`);
      const where = place === undefined ? '' : d.slide !== undefined ? `${place}: ` : `${place}, line ${d.range.start.line}: `;
      const source = d.sources[0] ? ` (source: ${d.sources[0].title})` : '';
      out.push(`::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(`${where}${d.message}${source}`)}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
