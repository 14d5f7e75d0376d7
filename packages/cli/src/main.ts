/** The `reframe` command. Returns the exit code: 0 clean, 1 findings that fail, 2 usage/config/I/O error. */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type CompiledRuleSet,
  ConfigError,
  lint,
  type ReframeConfig,
  type ResolvedConfig,
  resolveConfig,
  type Severity,
} from '@reframe/core';
import { loadRuleSet, ReframeFileError, ReframeFileErrors } from '@reframe/core/node';
import { findConfigFile, readConfigChain } from './config.js';
import { expandPaths, formatOf, UsageError } from './files.js';
import { FORMATS, type FormatName, format } from './formatters/index.js';
import { type FileResult, summarise } from './types.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

const HELP = `Usage: reframe [options] <file|folder>...

Lints clinical and therapy writing (.md, .markdown, .mdx, .txt, .text, .html, .htm) for stigmatising
wording and suggests repairs with cited reasons.

Options:
  -f, --format <name>   Output format: ${FORMATS.join(', ')} (default: stylish)
  -c, --config <file>   Use this config file instead of discovering one
      --preset <name>   clinical-notes (default) or training-materials
      --fail-on <sev>   Lowest severity that fails the run: error, warning (default), info, hint
      --no-color        Never colour the output (also NO_COLOR=1)
  -h, --help            Show this help
  -v, --version         Show the version

Exit codes: 0 no failing findings, 1 failing findings, 2 usage, configuration or I/O error.
`;

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

class RunContext {
  private readonly ruleSets = new Map<string, CompiledRuleSet>();
  private readonly resolved = new Map<string, { ruleSet: CompiledRuleSet; config: ResolvedConfig }>();

  constructor(
    private readonly explicitConfig: string | undefined,
    private readonly overrides: ReframeConfig,
  ) {}

  ruleSetFor(packs: string[]): CompiledRuleSet {
    const extra = packs.filter((p) => p !== 'equality').sort();
    const key = extra.join('\0');
    let rs = this.ruleSets.get(key);
    if (!rs) this.ruleSets.set(key, (rs = loadRuleSet({ extraPacks: extra })));
    return rs;
  }

  /** Rule set and resolved config for a file, from its nearest config file (cached per config file). */
  forFile(path: string): { ruleSet: CompiledRuleSet; config: ResolvedConfig } {
    const configFile = this.explicitConfig ?? findConfigFile(dirname(resolve(path)));
    const key = configFile ?? '';
    let found = this.resolved.get(key);
    if (!found) {
      const fromFile = configFile ? readConfigChain(configFile) : {};
      const merged: ReframeConfig = { ...fromFile, ...this.overrides, rules: { ...fromFile.rules, ...this.overrides.rules } };
      const ruleSet = this.ruleSetFor(merged.packs ?? []);
      try {
        found = { ruleSet, config: resolveConfig(merged, ruleSet) };
      } catch (error) {
        if (error instanceof ConfigError) throw new ReframeFileError(configFile ?? '(command line)', 1, 1, error.message);
        throw error;
      }
      this.resolved.set(key, found);
    }
    return found;
  }
}

export async function main(argv: string[], io: Io): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.stderr(`reframe: ${(error as Error).message}\nRun "reframe --help" for usage.\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const formatName = (values.format ?? 'stylish') as FormatName;
  if (!FORMATS.includes(formatName)) return usage(io, `unknown format "${values.format}" (use ${FORMATS.join(', ')})`);
  const failOn = (values['fail-on'] ?? 'warning') as Severity;
  if (!(failOn in SEVERITY_RANK)) return usage(io, `--fail-on takes error, warning, info or hint (got "${values['fail-on']}")`);
  if (values.preset && values.preset !== 'clinical-notes' && values.preset !== 'training-materials') {
    return usage(io, `unknown preset "${values.preset}" (use clinical-notes or training-materials)`);
  }
  if (positionals.length === 0) return usage(io, 'no files or folders given');

  const overrides: ReframeConfig = values.preset ? { preset: values.preset as ReframeConfig['preset'] } : {};
  const context = new RunContext(values.config ? resolve(io.cwd, values.config) : undefined, overrides);
  const results: FileResult[] = [];
  try {
    const files = expandPaths(positionals.map((p) => resolve(io.cwd, p)));
    for (const file of files) {
      const shown = displayPath(file.path, io.cwd);
      const fmt = formatOf(file.path);
      if (!fmt) {
        io.stderr(`reframe: skipped ${shown}: not a supported file type\n`);
        results.push({ path: shown, diagnostics: [], skipped: 'unsupported file type' });
        continue;
      }
      let text: string;
      try {
        text = readFileSync(file.path, 'utf8');
      } catch (error) {
        io.stderr(`reframe: ${shown}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
        return 2;
      }
      if (text.includes('\u0000')) {
        io.stderr(`reframe: skipped ${shown}: looks binary\n`);
        results.push({ path: shown, diagnostics: [], skipped: 'binary' });
        continue;
      }
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const { ruleSet, config } = context.forFile(file.path);
      results.push({ path: shown, diagnostics: lint(text, { ruleSet, config, format: fmt }) });
    }
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    if (error instanceof ReframeFileErrors || error instanceof ReframeFileError) {
      io.stderr(`reframe: configuration error\n${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const report = { version: 1 as const, files: results, summary: summarise(results) };
  const color = io.isTTY && !values['no-color'] && !io.env.NO_COLOR && formatName === 'stylish';
  io.stdout(format(formatName, report, { color }));
  const failing = results.some((f) => f.diagnostics.some((d) => SEVERITY_RANK[d.severity] >= SEVERITY_RANK[failOn]));
  return failing ? 1 : 0;
}

function usage(io: Io, message: string): number {
  io.stderr(`reframe: ${message}\nRun "reframe --help" for usage.\n`);
  return 2;
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      config: { type: 'string', short: 'c' },
      preset: { type: 'string' },
      'fail-on': { type: 'string' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
