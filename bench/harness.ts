import { performance } from 'node:perf_hooks';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Median milliseconds of `runs` calls after `warmUp` calls, so JIT compilation and one-off GC
 * pauses do not decide the figure. Rounded to microseconds.
 */
export async function timeMs(fn: () => unknown, { warmUp = 10, runs = 21 } = {}): Promise<number> {
  for (let i = 0; i < warmUp; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return Math.round(median(samples) * 1000) / 1000;
}
