/** Lint many files: on worker threads when there are enough files to pay for starting them. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyseFile, describeFailure, type Task, type TaskResult } from './analyse.js';
import type { Overrides, RunContext } from './context.js';
import type { WorkerInput } from './worker.js';

/** Below this many files a single thread is faster than starting workers (each compiles the rules). */
export const PARALLEL_THRESHOLD = 200;

export interface RunOptions {
  context: RunContext;
  toolVersion: string;
  explicitConfig: string | undefined;
  overrides: Overrides;
  /** Worker count: undefined = automatic, 1 = no workers. */
  jobs: number | undefined;
  debug?: (message: string) => void;
}

export function workerCount(files: number, jobs: number | undefined): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  if (files <= PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

export async function analyseAll(tasks: Task[], options: RunOptions): Promise<TaskResult[]> {
  const count = workerCount(tasks.length, options.jobs);
  if (count <= 1) {
    const results: TaskResult[] = [];
    for (const task of tasks) {
      try {
        results.push(await analyseFile(task, options.context));
      } catch (error) {
        results.push({ index: task.index, failure: describeFailure(error) });
      }
    }
    return results;
  }
  options.debug?.(`linting ${tasks.length} files on ${count} worker threads`);
  // Round-robin shares keep neighbouring (often similar-sized) files spread over the workers.
  const shares: Task[][] = Array.from({ length: count }, () => []);
  for (const [i, task] of tasks.entries()) shares[i % count]?.push(task);
  const runs = shares.map(
    (share) =>
      new Promise<TaskResult[]>((resolvePromise, reject) => {
        const input: WorkerInput = {
          toolVersion: options.toolVersion,
          explicitConfig: options.explicitConfig,
          overrides: options.overrides,
          tasks: share,
        };
        const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: input });
        worker.once('message', (results: TaskResult[]) => {
          resolvePromise(results);
          void worker.terminate();
        });
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`worker stopped with exit code ${code}`));
        });
      }),
  );
  const all = (await Promise.all(runs)).flat();
  // Deterministic order: the order the files were found in, whatever finished first.
  return all.sort((a, b) => a.index - b.index);
}
