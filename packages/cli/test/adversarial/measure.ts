/**
 * Run the real `reframe` as a child process and measure it: wall time, and its peak memory (the
 * resident set's high-water mark, from process.resourceUsage() as it exits, through a preloaded
 * module), so a hostile input can be held to the memory the same amount of plain text needs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type ProcessResult, reframe } from '../helpers.js';

export interface MeasuredRun extends ProcessResult {
  ms: number;
  /** Peak resident memory in MB (undefined if the process was killed before it could say). */
  peakMb: number | undefined;
}

const PRELOAD = `process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.REFRAME_PEAK_FILE, String(process.resourceUsage().maxRSS));
});
`;

/** `reframe ARGS` in `cwd`, killed after `timeoutMs`. */
export async function measuredRun(args: string[], cwd: string, timeoutMs = 60_000): Promise<MeasuredRun> {
  const work = mkdtempSync(join(tmpdir(), 'reframe-measure-'));
  const preload = join(work, 'peak.cjs');
  const peakFile = join(work, 'peak');
  writeFileSync(preload, PRELOAD);
  try {
    const started = performance.now();
    const run = await reframe(args, { cwd, env: { REFRAME_PEAK_FILE: peakFile }, nodeArgs: ['--require', preload], timeoutMs });
    const ms = performance.now() - started;
    let peakMb: number | undefined;
    try {
      peakMb = Number(readFileSync(peakFile, 'utf8')) / 1024;
    } catch {
      peakMb = undefined; // killed before it could say
    }
    return { ...run, ms, peakMb };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** "1234 ms, 96 MB" for assertion messages. */
export function describeRun(run: MeasuredRun): string {
  return `${run.ms.toFixed(0)} ms, ${run.peakMb === undefined ? 'killed' : `${run.peakMb.toFixed(0)} MB`} (exit ${run.code})`;
}
