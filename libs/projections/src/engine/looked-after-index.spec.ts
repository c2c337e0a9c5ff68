import { DEFAULT_DRIFT_CONFIG } from '../rules/drift-config';
import { driftReport, type DriftReportFilter } from '../rules/drift-report';
import type { JourneySummary } from '../summary/journey-summary';
import { periodOn } from '../summary/queries';
import { journey, type JourneyBuilder } from '../testing/journey-builder';
import { variedCohort } from '../testing/varied-cohort';
import type { ReadModelStore } from './read-model-store';
import type { SummaryRecord } from './read-model-store-queries';
import { SummaryCache } from './summary-cache';

/** The read-model file as the summary cache reads it: each child's latest summary, by position. */
class ReadModelsHeld {
  private readonly rows = new Map<string, SummaryRecord>();
  private position = 0n;

  write(summaries: readonly JourneySummary[]): void {
    for (const summary of summaries)
      this.rows.set(summary.childId, { summary, lastPosition: ++this.position });
  }

  summariesChangedSince(after: bigint | undefined): { generation: number; records: SummaryRecord[] } {
    const records = [...this.rows.values()].filter((row) => row.lastPosition > (after ?? -1n));
    return { generation: 1, records: records.sort((a, b) => Number(a.lastPosition - b.lastPosition)) };
  }
}

/** Two children share a reference, so the report's sort has a tie that only the input order breaks. */
const withTie = (summaries: JourneySummary[]): JourneySummary[] =>
  summaries.map((s, i) => (i === 3 || i === 40 ? { ...s, childRef: 'REF-SHARED' } : s));

const DATES = ['2019-03-31', '2020-06-30', '2022-02-28', '2024-06-15', '2026-11-28'];
const FILTERS: DriftReportFilter[] = [
  {},
  { rules: ['DR01', 'DR03', 'DR13'] },
  { team: 'north', dueWithinDays: 90 },
];

function expectSameReports(cache: SummaryCache): void {
  for (const date of DATES)
    for (const filter of FILTERS)
      expect(driftReport(cache.lookedAfterOn(date), date, DEFAULT_DRIFT_CONFIG, filter)).toEqual(
        driftReport(cache.all(), date, DEFAULT_DRIFT_CONFIG, filter),
      );
}

describe('the children looked after on a date, kept for the drift report (#9)', () => {
  let held: ReadModelsHeld;
  let cache: SummaryCache;
  let cohort: JourneyBuilder[];

  beforeEach(() => {
    held = new ReadModelsHeld();
    cache = new SummaryCache(held as unknown as ReadModelStore);
    cohort = variedCohort();
    held.write(withTie(cohort.map((b) => b.summary())));
  });

  it('Given a cohort mostly out of care on some dates, When listed, Then exactly those with a period open then, in order', () => {
    for (const date of DATES) {
      const all = [...cache.all()];
      const open = cache.lookedAfterOn(date);
      expect(open).toEqual(all.filter((s) => periodOn(s, date) !== undefined));
      expect(open.length).toBeLessThan(all.length);
    }
    expect(cache.lookedAfterOn('2026-11-28').length).toBeGreaterThan(0);
  });

  it('Given adoption orders, care ended at 18, short breaks and late entries, When the report is asked over them, Then it is the report over every child', () => {
    expectSameReports(cache);
  });

  it('Given the dates asked once, When children leave care, come back earlier in the order and are registered, Then the kept lists give the same reports', () => {
    expectSameReports(cache); // every date kept before the changes
    const inCareNow = cohort.filter((b) => periodOn(b.summary(), '2024-06-15') !== undefined);
    const outSince = cohort.filter((b) =>
      b.summary().periods.every((p) => p.end !== undefined && p.end < '2024-01-02'),
    );
    const left = inCareNow.slice(0, 3).map((b) => b.endCare('2024-05-01'));
    const back = outSince.slice(0, 3).map((b) => b.startCare('2024-01-02', 'C2'));
    const newcomer = journey('newcomer').registered('2024-01-01').startCare('2024-01-01');
    held.write([...left, ...back, newcomer].map((b) => b.summary()));
    expect(back).toHaveLength(3);
    const open = cache.lookedAfterOn('2024-06-15').map((s) => s.childId);
    expect(open).toEqual(expect.arrayContaining([...back.map((b) => b.childId), 'newcomer']));
    expect(open).not.toContain(left[0].childId);
    for (const date of DATES)
      expect(cache.lookedAfterOn(date)).toEqual(
        [...cache.all()].filter((s) => periodOn(s, date) !== undefined),
      );
    expectSameReports(cache);
  });

  it('Given more dates asked than are kept, When an old date is asked again after changes, Then it is scanned afresh and still matches', () => {
    const kept = new SummaryCache(held as unknown as ReadModelStore);
    for (let day = 1; day <= 12; day++) kept.lookedAfterOn(`2024-03-${String(day).padStart(2, '0')}`);
    const changed = cohort.filter((b) => periodOn(b.summary(), '2024-03-01') !== undefined).slice(0, 2);
    held.write(changed.map((b) => b.endCare('2024-02-15').summary()));
    const open = kept.lookedAfterOn('2024-03-01');
    expect(open).toEqual([...kept.all()].filter((s) => periodOn(s, '2024-03-01') !== undefined));
    expect(open.map((s) => s.childId)).not.toContain(changed[0].childId);
  });
});
