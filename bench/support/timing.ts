import { withPeakRss } from './rss-sampler';

export interface Timed<T> {
  result: T;
  seconds: number;
  peakRssMb: number;
}

/** Wall time and peak RSS of one piece of work, after a GC when --expose-gc is on. */
export async function timed<T>(work: () => Promise<T> | T): Promise<Timed<T>> {
  global.gc?.();
  const { result, peakRssMb } = await withPeakRss(async () => {
    const start = process.hrtime.bigint();
    const value = await work();
    return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
  });
  return { result: result.value, seconds: result.seconds, peakRssMb };
}

/** Milliseconds of each of `runs` calls (after `warmup` untimed ones). */
export async function sampleMs(
  runs: number,
  warmup: number,
  work: () => Promise<unknown> | unknown,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const progress = (message: string): void => void process.stdout.write(`  ${message}\n`);
