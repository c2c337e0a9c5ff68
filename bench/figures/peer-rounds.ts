import type { Timed } from '../support/timing';

export interface LoopResult {
  seconds: number;
  done: number;
  errors: number;
  firstError?: string;
}

/** One configuration measured in every round: a name for the table and one timed run. */
export interface Contender {
  name: string;
  run: () => Promise<Timed<LoopResult>>;
}

/** Every contender's runs, round by round (index = round). */
export type RoundResults = Map<string, Timed<LoopResult>[]>;

export const rateOf = (r: Timed<LoopResult>): number => r.result.done / r.result.seconds;

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Every contender once per round, `rounds` times, the order reversed each round (A B C, C B A, …).
 * On a shared machine one run of each minutes apart can land in different weather (an fsync stall,
 * another job's CPU burst); a ratio per round compares runs made seconds apart, and the figure is
 * the median of those ratios. A contender whose runs so far failed more than MAX_ERROR_SHARE of their
 * commands is not run again (it is not working; its failures cost a busy timeout each, ~1 s).
 */
export async function alternatedRounds(
  rounds: number,
  contenders: readonly Contender[],
): Promise<RoundResults> {
  const results: RoundResults = new Map(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) {
      const runs = results.get(contender.name) ?? [];
      if (runs.length > 0 && errorShare(runs) > MAX_ERROR_SHARE) continue;
      runs.push(await contender.run());
    }
  }
  return results;
}

/**
 * Per round, a's rate ÷ b's rate (the two runs of a round were made seconds apart), for the rounds
 * both ran (b may have stopped after failing).
 */
export function ratiosPerRound(a: readonly Timed<LoopResult>[], b: readonly Timed<LoopResult>[]): number[] {
  if (b.length > a.length || b.length === 0) throw new RangeError(`${a.length} runs against ${b.length}`);
  return b.map((run, i) => rateOf(a[i]) / rateOf(run));
}

/**
 * At most this share of a configuration's commands (over all its rounds) may fail for it to count as
 * working: Emmett's own store, one loop, fails ~1 command in 120 now and then with "SQLITE_BUSY:
 * cannot commit transaction - SQL statements in progress" on a loaded machine (session 16's quick runs).
 */
export const MAX_ERROR_SHARE = 0.01;

/** A configuration's failed commands as a share of all it attempted, over every round. */
export function errorShare(runs: readonly Timed<LoopResult>[]): number {
  const errors = runs.reduce((n, r) => n + r.result.errors, 0);
  const attempted = runs.reduce((n, r) => n + r.result.done + r.result.errors, 0);
  return attempted === 0 ? 1 : errors / attempted;
}

/**
 * The configuration a goal is judged against: among `names`, those whose commands failed at most
 * MAX_ERROR_SHARE over all rounds, the one with the highest median rate (failed commands count as
 * time, not as commands). Undefined when none of them worked.
 */
export function bestWorking(results: RoundResults, names: readonly string[]): string | undefined {
  let best: { name: string; rate: number } | undefined;
  for (const name of names) {
    const runs = results.get(name) ?? [];
    if (runs.length === 0 || errorShare(runs) > MAX_ERROR_SHARE) continue;
    const rate = median(runs.map(rateOf));
    if (best === undefined || rate > best.rate) best = { name, rate };
  }
  return best?.name;
}
