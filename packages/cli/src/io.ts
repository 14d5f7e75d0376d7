/**
 * What every command is given and shares: its streams, working directory and environment, and the
 * tool's version. A leaf module: it imports nothing of the CLI's, so any command can import it.
 */
import { readFileSync } from 'node:fs';

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
