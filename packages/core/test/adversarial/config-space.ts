/**
 * Folders for the config and pack tests (adversarial-config, adversarial-trust): a project, files
 * outside it shaped like secrets, and the messages of the errors a call throws. Every file is
 * invented and written to a temporary folder that is removed after the test.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { ReframeFileError, ReframeFileErrors } from '../../src/node/index.js';

/** Shaped like the lines of a shadow password file and a credentials file: never to appear in a message. */
export const SHADOW = 'root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n';
export const CREDENTIALS = 'aws secret access key: wJalrXUtnFEMI/K7MDENG/bPxRfiCY\n"session token 9": zq9\n';
const SECRET_MARKS = ['root:*', 'daemon', 'wJalr', 'aws secret', 'session token', 'zq9'];

export interface ConfigSpace {
  /** The base folder: proj/ (the project), outside/ (secrets), xdg/ (XDG_CONFIG_HOME), data/ (XDG_DATA_HOME). */
  base: string;
  proj: string;
  /** The environment that places the user's config folder and the package store under base/. */
  env: NodeJS.ProcessEnv;
  /** Write a file under base/ (folders made as needed); returns its path. */
  write: (path: string, text: string) => string;
}

/** A `space()` for one test file: each space is removed after the test that made it. Call once at the top level. */
export function configSpaces(): () => ConfigSpace {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'reframe-trust-')));
    made.push(base);
    const proj = join(base, 'proj');
    mkdirSync(proj);
    const write = (path: string, text: string) => {
      const full = join(base, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
      return full;
    };
    write('outside/shadow', SHADOW);
    write('outside/credentials.yaml', CREDENTIALS);
    write('outside/secret.json', `{"token": ${JSON.stringify(CREDENTIALS)}, oops}`);
    return { base, proj, env: { XDG_CONFIG_HOME: join(base, 'xdg'), XDG_DATA_HOME: join(base, 'data') }, write };
  };
}

/** The file:line:column messages `fn` throws (it must throw core's file errors). */
export function messagesOf(fn: () => unknown): string[] {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  const all = thrown instanceof ReframeFileErrors ? thrown.errors : thrown instanceof ReframeFileError ? [thrown] : undefined;
  if (all) return all.map((e) => e.message);
  throw thrown ?? new Error('expected a file error');
}

/** No message repeats anything of the secret-shaped files. */
export function expectNoSecrets(messages: string[]): void {
  for (const m of messages) for (const mark of SECRET_MARKS) expect(m).not.toContain(mark);
}
