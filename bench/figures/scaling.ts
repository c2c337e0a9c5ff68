import { loadavg } from 'node:os';
import { join } from 'node:path';
import { alternatingOrder, best, median } from '../support/alternating-runs';
import { runApart, type ApartRun } from '../support/run-apart';
import type { Row } from '../support/row';
import { progress } from '../support/timing';
import { scaledCohort, type Cohort } from '../workload/cohort';

const FACTOR = 4;
const GOAL = 4.4;

/** Each measurement runs in a fresh process (the rebuild exactly as the rebuild figure runs it). */
const MEASUREMENTS: { name: string; script: string; args: (file: string) => string[] }[] = [
  {
    name: 'raw batched insert',
    script: join(__dirname, '..', 'support', 'scale-process.js'),
    args: (f) => ['insert', f],
  },
  {
    name: 'raw read + JSON.parse',
    script: join(__dirname, '..', 'support', 'scale-process.js'),
    args: (f) => ['read', f],
  },
  { name: 'projection rebuild', script: join(__dirname, 'rebuild-process.js'), args: (f) => [f] },
];

const s = (seconds: number): string => `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
const mb = (runs: readonly ApartRun[]): number => Math.max(...runs.map((r) => r.peakRssMb));
const load = (): string => loadavg()[0].toFixed(1);

/**
 * The bulk figures at 1× and 4× the workload. The 4× cohort is the 1× cohort's children four
 * times over (same templates, same order, fresh ids), so 4× the events and children and the same
 * events per child. Sizes alternate (1×,4×,4×,1× …) and the ratio is of each size's best time.
 */
export async function scalingRows(cohort: Cohort, rounds: number): Promise<Row[]> {
  progress(`scaling: building the ${FACTOR}× cohort (${cohort.children * FACTOR} children)…`);
  const big = scaledCohort(cohort, FACTOR);
  try {
    if (big.events !== cohort.events * FACTOR || big.children !== cohort.children * FACTOR)
      throw new Error(`the ${FACTOR}× cohort has ${big.events} events, ${big.children} children`);
    const sizes = [cohort, big] as const;
    const rows: Row[] = [];
    for (const m of MEASUREMENTS) {
      const runs: [ApartRun[], ApartRun[]] = [[], []];
      const loadBefore = load();
      for (const size of alternatingOrder(rounds)) {
        const run = await runApart(m.script, m.args(sizes[size].file));
        progress(`scaling: ${m.name}, ${size === 0 ? 1 : FACTOR}×: ${s(run.seconds)} (load ${load()})`);
        runs[size].push(run);
      }
      const [one, four] = runs.map((r) => r.map((run) => run.seconds));
      const ratio = best(four) / best(one);
      const size = (label: string, c: Cohort, times: number[], rss: number): string =>
        `${label} ${c.events} events / ${c.children} children: best ${s(best(times))} (${times.map(s).join(', ')}), peak RSS ${rss.toFixed(0)} MB`;
      rows.push({
        figure: `scaling ${FACTOR}×/1×: ${m.name}`,
        ours: ratio,
        unit: '× time',
        goal: `≤ ${GOAL}×`,
        met: ratio <= GOAL,
        peakRssMb: Math.max(mb(runs[0]), mb(runs[1])),
        note: [
          `ratio of best times ${ratio.toFixed(2)}, of medians ${(median(four) / median(one)).toFixed(2)}`,
          size('1×', cohort, one, mb(runs[0])),
          size(`${FACTOR}×`, big, four, mb(runs[1])),
          `each run in its own process, order ${alternatingOrder(rounds)
            .map((i) => (i === 0 ? '1×' : `${FACTOR}×`))
            .join(',')}, load ${loadBefore} → ${load()}`,
        ].join('; '),
      });
    }
    return rows;
  } finally {
    big.remove();
  }
}
