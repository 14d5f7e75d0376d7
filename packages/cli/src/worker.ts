/** A worker thread: lints its share of the files with its own rule sets and returns the results. */
import { parentPort, workerData } from 'node:worker_threads';
import { analyseFile, describeFailure, type Task, type TaskResult } from './analyse.js';
import { type Overrides, RunContext } from './context.js';

export interface WorkerInput {
  toolVersion: string;
  explicitConfig: string | undefined;
  overrides: Overrides;
  tasks: Task[];
}

const input = workerData as WorkerInput;
const context = new RunContext(input.toolVersion, input.explicitConfig, input.overrides);
const results: TaskResult[] = [];
for (const task of input.tasks) {
  try {
    results.push(await analyseFile(task, context));
  } catch (error) {
    results.push({ index: task.index, failure: describeFailure(error) });
  }
}
parentPort?.postMessage(results);
