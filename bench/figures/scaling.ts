import type { Row } from '../support/row';
import { progress } from '../support/timing';
import { buildCohort, type Cohort } from '../workload/cohort';
import { rawBatchedInsert, rawReadParse } from './baselines';
import { timeRebuild } from './rebuild';

/**
 * The bulk figures at 1× and 4× the workload (4× built from the same distinct children): the
 * ratio of times should be linear, at most 4.4×.
 */
export async function scalingRows(cohort: Cohort): Promise<Row[]> {
  progress(`scaling: building the 4× cohort (${(cohort.events * 4).toLocaleString('en-GB')} events)…`);
  const big = buildCohort(cohort.events * 4, cohort.templates);
  try {
    const pairs: [string, (c: Cohort) => Promise<{ seconds: number; peakRssMb: number }>][] = [
      ['raw batched insert', rawBatchedInsert],
      ['raw read + JSON.parse', (c) => rawReadParse(c.file)],
      ['projection rebuild', (c) => timeRebuild(c.file)],
    ];
    const rows: Row[] = [];
    for (const [name, run] of pairs) {
      progress(`scaling: ${name} at 1× and 4×…`);
      const one = await run(cohort);
      const four = await run(big);
      const ratio = four.seconds / one.seconds;
      rows.push({
        figure: `scaling 4×/1×: ${name}`,
        ours: ratio,
        unit: '× time',
        goal: '≤ 4.4×',
        met: ratio <= 4.4,
        peakRssMb: Math.max(one.peakRssMb, four.peakRssMb),
        note: `${cohort.events} events ${one.seconds.toFixed(1)} s, ${big.events} events ${four.seconds.toFixed(1)} s`,
      });
    }
    return rows;
  } finally {
    big.remove();
  }
}
