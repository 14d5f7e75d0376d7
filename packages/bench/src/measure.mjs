/** Whole-process measurements: wall time and peak resident memory of a child process. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';

/**
 * Run a command once. Peak memory comes from GNU time's "%M" (maximum resident set size, KB) when it
 * is installed; otherwise it is left out rather than guessed.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, timeoutMs?: number, okCodes?: number[] }} [options]
 */
export function runOnce(command, args, { cwd, timeoutMs = 600_000, okCodes = [0, 1] } = {}) {
  const useTime = existsSync(GNU_TIME);
  // coreutils `timeout` stops the measured process itself: a signal sent to GNU time would leave it running.
  const limited = ['-k', '5', String(Math.ceil(timeoutMs / 1000)), command, ...args];
  const argv = useTime ? ['-f', '__RSS_KB__ %M', 'timeout', ...limited] : limited;
  const started = process.hrtime.bigint();
  const child = spawnSync(useTime ? GNU_TIME : 'timeout', argv, {
    cwd,
    timeout: timeoutMs + 30_000,
    maxBuffer: 1024 * 1024 * 1024,
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (
    child.status === 124 ||
    child.status === 137 ||
    /** @type {NodeJS.ErrnoException | undefined} */ (child.error)?.code === 'ETIMEDOUT'
  ) {
    return { timedOut: true, seconds, rssMB: undefined, stdout: '' };
  }
  const rss = /__RSS_KB__ (\d+)/.exec(child.stderr ?? '');
  // GNU time reports a signal or exit status itself; the child's own status is what matters.
  const status = child.status;
  if (status === null || !okCodes.includes(status)) {
    const stderr = (child.stderr ?? '').replace(/__RSS_KB__ \d+\s*/, '').slice(0, 400);
    throw new Error(`${command} ${args.join(' ')} exited with ${status ?? child.signal}: ${stderr}`);
  }
  return { timedOut: false, seconds, rssMB: rss ? Number(rss[1]) / 1024 : undefined, stdout: child.stdout ?? '' };
}

/** Median of several runs (time and memory medians taken separately). */
export function runMedian(command, args, runs, options) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = runOnce(command, args, options);
    results.push(r);
    if (r.timedOut) break;
  }
  const finished = results.filter((r) => !r.timedOut);
  if (finished.length === 0)
    return { timedOut: true, seconds: results[0]?.seconds ?? 0, rssMB: undefined, runs: results.length, stdout: '' };
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  const rss = finished.map((r) => r.rssMB).filter((v) => v !== undefined);
  return {
    timedOut: false,
    seconds: median(finished.map((r) => r.seconds)),
    rssMB: rss.length ? Math.max(...rss) : undefined,
    runs: finished.length,
    stdout: finished[finished.length - 1]?.stdout ?? '',
  };
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
