import { median } from './alternating-runs';
import type { InsertRow } from './cohort-rows';
import { openRaw } from './raw-sqlite';
import { TempDb } from './temp-db';
import { timed } from './timing';

const INSERT = 'INSERT INTO events (stream_id, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)';

/**
 * Raw better-sqlite3, one row per BEGIN IMMEDIATE … COMMIT at synchronous=FULL (one fsync each): the
 * ceiling of a writer that commits every command alone. A fresh file per round; only the commits are
 * timed (opening, creating the table and the closing checkpoint are not: they would weigh more in a
 * short round than in a long one).
 */
export async function rawSingleTxRound(
  rows: readonly InsertRow[],
): Promise<{ perSecond: number; seconds: number; peakRssMb: number }> {
  if (rows.length === 0) throw new RangeError('a raw 1/tx round needs rows');
  const temp = new TempDb();
  const db = openRaw(temp.file, 'FULL');
  try {
    const insert = db.prepare(INSERT);
    const one = db.transaction((row: InsertRow) => insert.run(...row));
    const { seconds, peakRssMb } = await timed(() => {
      for (const row of rows) one.immediate(row);
    });
    return { perSecond: rows.length / seconds, seconds, peakRssMb };
  } finally {
    db.close();
    temp.remove();
  }
}

const rate = (perSecond: number): string => Math.round(perSecond).toLocaleString('en-GB');

/**
 * The fsync rate of a shared machine swings several-fold within minutes (review s16 F8), so one
 * round is not a baseline: the median of several, with how far apart they were and every round.
 */
export function spreadNote(rates: readonly number[], unit = 'tx/s'): string {
  const low = Math.min(...rates);
  const high = Math.max(...rates);
  return `median ${rate(median(rates))} ${unit} of ${rates.length} round${rates.length === 1 ? '' : 's'} (${rate(low)}–${rate(high)}, ${(high / low).toFixed(2)}× apart: ${rates.map(rate).join(' / ')})`;
}

/**
 * A figure's phases alternated with raw rounds (raw, phase, raw, phase, …, raw): each phase is judged
 * against the mean of the round just before it and the round just after, so a change of the machine's
 * fsync rate during the figure falls on both sides of its ratio.
 */
export function bracketBaselines(raws: readonly number[], phases: number): number[] {
  if (!Number.isInteger(phases) || phases < 1) throw new RangeError(`phases must be ≥ 1, got ${phases}`);
  if (raws.length !== phases + 1)
    throw new RangeError(`${phases} phases need ${phases + 1} raw rounds around them, got ${raws.length}`);
  return Array.from({ length: phases }, (_, i) => (raws[i] + raws[i + 1]) / 2);
}

/** Several phases' rates against their own bracketing baselines: the median ratio, and the median baseline. */
export function medianRatio(
  rates: readonly number[],
  baselines: readonly number[],
): { ratio: number; baseline: number } {
  if (rates.length === 0 || rates.length !== baselines.length)
    throw new RangeError(`${rates.length} rates need as many baselines, got ${baselines.length}`);
  return {
    ratio: median(rates.map((r, i) => r / baselines[i])),
    baseline: median(baselines),
  };
}
