import type { Timed } from '../support/timing';

export interface LoopResult {
  seconds: number;
  done: number;
  errors: number;
  firstError?: string;
}

export interface RoundPair {
  emmett: Timed<LoopResult>;
  ours: Timed<LoopResult>;
  /** ours' commands/s ÷ Emmett's, within this round. */
  ratio: number;
}

export const rateOf = (r: Timed<LoopResult>): number => r.result.done / r.result.seconds;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Emmett's loop and ours, one after the other, `rounds` times, the order swapped each round. Emmett
 * is fsync-bound and ours CPU-bound, so on a shared machine one run of each minutes apart can land
 * in different weather (an fsync stall, another job's CPU burst); a ratio per round compares the
 * two under the same conditions, and the figure is their median.
 */
export async function alternatedRounds(
  rounds: number,
  emmett: () => Promise<Timed<LoopResult>>,
  ours: () => Promise<Timed<LoopResult>>,
): Promise<RoundPair[]> {
  const pairs: RoundPair[] = [];
  for (let round = 0; round < rounds; round++) {
    let e: Timed<LoopResult>;
    let o: Timed<LoopResult>;
    if (round % 2 === 0) {
      e = await emmett();
      o = await ours();
    } else {
      o = await ours();
      e = await emmett();
    }
    pairs.push({ emmett: e, ours: o, ratio: rateOf(o) / rateOf(e) });
  }
  return pairs;
}
