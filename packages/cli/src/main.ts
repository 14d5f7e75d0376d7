/** The `reframe` command. Returns the exit code: 0 clean, 1 findings that fail, 2 usage/config/I/O error. */
import { readFileSync } from 'node:fs';
import { HELP, parseCommandLine } from './cli-options.js';
import { ConfigFailure, UsageError } from './errors.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** All of standard input (for --stdin). */
  readStdin?: () => Promise<Buffer>;
  /** Ask a person at the terminal; absent when standard input is not a TTY. */
  ask?: (question: string) => Promise<string>;
}

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Core's file errors (file:line:col: message), recognised by name so that core loads only when needed. */
function isFileError(error: unknown): error is Error {
  return error instanceof Error && (error.name === 'ReframeFileError' || error.name === 'ReframeFileErrors');
}

export async function main(argv: string[], io: Io): Promise<number> {
  if (argv[0] === 'report') return (await import('./report/command.js')).reportCommand(argv.slice(1), io);
  try {
    const cli = parseCommandLine(argv);
    if (cli.values.help) {
      io.stdout(HELP);
      return 0;
    }
    if (cli.values.version) {
      io.stdout(`${toolVersion()}\n`);
      return 0;
    }
    // The engine (retext, remark, the rule packs) loads only for commands that lint or list rules.
    const { run } = await import('./run.js');
    return await run(cli, io, toolVersion());
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`reframe: ${error.message}\nRun "reframe --help" for usage.\n`);
      return 2;
    }
    if (isFileError(error) || error instanceof ConfigFailure) {
      io.stderr(`reframe: configuration error\n${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
