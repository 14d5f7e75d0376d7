/**
 * Node built-ins that most runs never use, loaded on first use: importing node:crypto, node:child_process
 * and node:worker_threads costs 3–7 ms each at every start (measured on Node 20), for --cache, --fix,
 * --changed-since and worker threads only.
 */
import { createRequire } from 'node:module';

// Not named `require`: the bundle's banner declares that name in every chunk.
const nodeRequire = createRequire(import.meta.url);

export const crypto = (): typeof import('node:crypto') => nodeRequire('node:crypto') as typeof import('node:crypto');
export const childProcess = (): typeof import('node:child_process') =>
  nodeRequire('node:child_process') as typeof import('node:child_process');
export const workerThreads = (): typeof import('node:worker_threads') =>
  nodeRequire('node:worker_threads') as typeof import('node:worker_threads');
