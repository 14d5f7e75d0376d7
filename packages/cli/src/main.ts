/** The `reframe` command. Returns the exit code: 0 clean, 1 findings that fail, 2 usage/config/I/O error. */
import { HELP, parseCommandLine } from './cli-options.js';
import { failureExitCode } from './errors.js';
import { type Io, toolVersion } from './io.js';

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
    return failureExitCode(error, 'reframe', io.stderr);
  }
}
