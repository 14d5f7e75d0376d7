/** The errors a command expects, and how each ends the run. A leaf module: it imports only the leaf printable.ts. */
import { printable, printableLines } from './printable.js';

/** A problem with how reframe was called or with a file it was given: exit code 2. */
export class UsageError extends Error {}

/** A configuration problem (file:line:col: message), possibly found on a worker thread: exit code 2. */
export class ConfigFailure extends Error {}

/** Core's file errors (file:line:col: message), recognised by name so that core loads only when needed. */
function isFileError(error: unknown): error is Error {
  return error instanceof Error && (error.name === 'ReframeFileError' || error.name === 'ReframeFileErrors');
}

/**
 * A usage or configuration error, told on standard error as `COMMAND: …`: exit code 2. Any other error
 * is not expected and is thrown on.
 */
export function failureExitCode(error: unknown, command: 'reframe' | 'reframe report', stderr: (text: string) => void): number {
  if (error instanceof UsageError) {
    // Messages name files, whose names may hold terminal escapes: those are written out, not sent.
    stderr(`${command}: ${printable(error.message)}\nRun "${command} --help" for usage.\n`);
    return 2;
  }
  if (isFileError(error) || error instanceof ConfigFailure) {
    stderr(`${command}: configuration error\n${printableLines(error.message)}\n`);
    return 2;
  }
  throw error;
}
