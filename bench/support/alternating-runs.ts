/**
 * Repeated timings of two sizes, taken alternately so that a slow moment of a shared machine falls
 * on both: rounds 1×,4× then 4×,1× then 1×,4× … (size 0, 1, 1, 0, 0, 1 …).
 */
export function alternatingOrder(rounds: number): (0 | 1)[] {
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be ≥ 1, got ${rounds}`);
  const order: (0 | 1)[] = [];
  for (let round = 0; round < rounds; round++)
    order.push(...(round % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const)));
  return order;
}

/** The lowest time: noise on a shared machine only ever adds time, so the best run is the least disturbed. */
export const best = (samples: readonly number[]): number => Math.min(...nonEmpty(samples));

/** The middle sample (mean of the two middle ones for an even count). */
export function median(samples: readonly number[]): number {
  const sorted = [...nonEmpty(samples)].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function nonEmpty(samples: readonly number[]): readonly number[] {
  if (samples.length === 0) throw new RangeError('no samples');
  return samples;
}
