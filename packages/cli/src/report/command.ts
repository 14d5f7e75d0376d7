/**
 * `reframe report PATHS…`: audit a set of documents (a curriculum, a folder of notes) and write one
 * self-contained HTML report, a Markdown summary or JSON; optionally compared with an earlier run.
 * Exit codes: 0 nothing failing, 1 failing findings (with --fail-on-new: failing *new* findings), 2 usage/config/I/O error.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Severity } from '@reframe/core';
import { writeFileAtomic } from '../atomic.js';
import { overridesFrom, RunContext } from '../context.js';
import { failureExitCode, UsageError } from '../errors.js';
import { type Io, toolVersion } from '../io.js';
import { printable } from '../printable.js';
import { applyBaseline, readBaseline } from './baseline.js';
import { collect } from './collect.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { type AuditReport, allFindings, SEVERITY_RANK } from './model.js';
import { redactAuditReport } from './redact.js';

export const REPORT_HELP = `Usage: reframe report [options] <file|folder|glob>...

Audits a set of documents (Markdown, text, HTML, Word .docx, PowerPoint .pptx, OpenDocument .odt)
and writes one report: where the wording clusters, the most frequent terms and their repairs, and
every finding with its sentence, suggestions, reason and sources.

Options:
  -o, --output FILE         Write the report to FILE (default: standard output)
  -f, --format NAME         html (default; one self-contained file), markdown (a short summary
                            for a pull request or CI job summary) or json (usable as a baseline)
      --baseline FILE       An earlier "reframe --format json" or "reframe report --format json"
                            result: mark findings new or unchanged and list the resolved ones
      --fail-on-new         Exit 1 only for new findings at or above --fail-on (needs --baseline)
      --fail-on SEVERITY    Lowest severity that fails the run: error, warning (default), info, hint
      --redact              Leave the flagged words and their sentences out of the report
      --title TEXT          Report title (default: "Reframe language audit")
  -c, --config FILE         Use this config file instead of discovering one per file
      --preset NAME         clinical-notes or training-materials
      --rule ID=SEVERITY    Set a rule (or "category/*") to off, error, warning, info or hint; repeatable
      --max-file-size SIZE  Skip larger files, listed as not read: bytes or 500KB, 20MB, 1GB (default 20MB)
  -h, --help                Show this help
`;

const FORMATS = ['html', 'markdown', 'json'] as const;
type ReportFormat = (typeof FORMATS)[number];

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f' },
        baseline: { type: 'string' },
        'fail-on-new': { type: 'boolean' },
        'fail-on': { type: 'string' },
        redact: { type: 'boolean' },
        title: { type: 'string' },
        config: { type: 'string', short: 'c' },
        preset: { type: 'string' },
        rule: { type: 'string', multiple: true },
        'max-file-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Time shown in the report; SOURCE_DATE_EPOCH makes it reproducible. */
function generatedAt(env: NodeJS.ProcessEnv): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    io.stdout(REPORT_HELP);
    return 0;
  }
  const format = (values.format ?? 'html') as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown report format "${values.format}" (use ${FORMATS.join(', ')})`);
  const failOn = (values['fail-on'] ?? 'warning') as Severity;
  if (!(failOn in SEVERITY_RANK)) throw new UsageError(`--fail-on takes error, warning, info or hint (got "${values['fail-on']}")`);
  if (values['fail-on-new'] && !values.baseline) throw new UsageError('--fail-on-new needs --baseline FILE');
  if (positionals.length === 0) throw new UsageError('no files or folders given');

  const explicitConfig = values.config ? resolve(io.cwd, values.config) : undefined;
  const context = new RunContext(toolVersion(), explicitConfig, overridesFrom(values));
  // Read the baseline first: a bad baseline should fail before minutes of linting.
  const baseline = values.baseline ? readBaseline(resolve(io.cwd, values.baseline), values.baseline) : undefined;
  const outputPath = values.output ? resolve(io.cwd, values.output) : undefined;
  const collected = await collect(positionals, io.cwd, context, new Set(outputPath ? [outputPath] : []));
  for (const path of collected.ignored) io.stderr(`reframe: skipped ${printable(path)}: ignored by .gitignore or .reframeignore\n`);
  for (const file of collected.files) if (file.skipped) io.stderr(`reframe: skipped ${printable(file.path)}: ${file.skipped}\n`);

  let audit: AuditReport = { toolVersion: toolVersion(), files: collected.files, redacted: false };
  if (baseline) audit.resolved = applyBaseline(audit, baseline).resolved;
  if (values.redact) audit = redactAuditReport(audit);

  const title = values.title ?? 'Reframe language audit';
  const output =
    format === 'markdown'
      ? renderMarkdown(audit, title)
      : format === 'json'
        ? renderJson(audit)
        : renderHtml(audit, { title, generatedAt: generatedAt(io.env) });
  const findings = allFindings(audit);
  if (values.output) {
    try {
      writeFileAtomic(outputPath ?? resolve(io.cwd, values.output), output);
    } catch (error) {
      throw new UsageError(
        `${values.output}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    const newPart = audit.resolved ? `, ${findings.filter((f) => f.status === 'new').length} new, ${audit.resolved.length} resolved` : '';
    io.stderr(`reframe: wrote ${values.output} (${count(findings.length, 'finding')} in ${count(audit.files.length, 'file')}${newPart})\n`);
  } else io.stdout(output);

  const counted = values['fail-on-new'] ? findings.filter((f) => f.status === 'new') : findings;
  return counted.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]) ? 1 : 0;
}

export async function reportCommand(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    return failureExitCode(error, 'reframe report', io.stderr);
  }
}
