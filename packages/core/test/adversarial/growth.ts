/**
 * Bounded cost, measured as growth rather than as a fixed time: for a hostile input of size n and 4n,
 * the larger may cost at most five times the smaller (a quadratic cost gives sixteen). Times are
 * medians of a few runs after a warm-up, and a floor keeps a tiny, noisy small run from inflating the
 * ratio. Shared by the adversarial tests of every package (the inputs are generated, never committed).
 */
import { performance } from 'node:perf_hooks';

export interface Growth {
  /** Median milliseconds at n and at 4n. */
  small: number;
  large: number;
  ratio: number;
}

/** The most 4n may cost against n. */
export const MAX_GROWTH = 5;
/** Below this many milliseconds a run is mostly noise; the small run counts as at least this. */
const FLOOR_MS = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timeOf(run: () => unknown, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

/**
 * The cost of `run(build(n))` against `run(build(4n))`. `run` may be synchronous or return a promise
 * (a child process, a language-server round trip).
 */
export async function growth<T>(build: (n: number) => T, run: (input: T) => unknown, n: number, runs = 3): Promise<Growth> {
  const smallInput = build(n);
  const largeInput = build(4 * n);
  await run(smallInput); // warm-up: compile the code paths before timing them
  // The suite shares two cores: a measurement over the bound is taken again, up to three times in all.
  // A quadratic cost stays near ×16 however often it is measured; noise does not repeat.
  let best: Growth | undefined;
  for (let attempt = 0; attempt < 3 && (best === undefined || best.ratio > MAX_GROWTH); attempt++) {
    const small = await timeOf(() => run(smallInput), runs);
    const large = await timeOf(() => run(largeInput), runs);
    const measured = { small, large, ratio: large / Math.max(small, FLOOR_MS) };
    if (best === undefined || measured.ratio < best.ratio) best = measured;
  }
  return best as Growth;
}

/** A readable line for an assertion message. */
export function describeGrowth(what: string, g: Growth): string {
  return `${what}: ${g.small.toFixed(0)} ms → ${g.large.toFixed(0)} ms for 4× the input (×${g.ratio.toFixed(1)}, at most ×${MAX_GROWTH})`;
}
