import { applyEvent } from '../summary/apply-event';
import { journey } from '../testing/journey-builder';
import { DEFAULT_DRIFT_CONFIG } from './drift-config';
import { driftReport } from './drift-report';

describe('drift report cache (the same summaries asked again)', () => {
  const build = () => journey('a').registered('2015-01-01', { team: 'North' }).startCare('2025-06-02');

  it('gives the same report again, unchanged by what a caller did to the first', () => {
    const summaries = [build().summary()];
    const first = driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG);
    const expected = JSON.parse(JSON.stringify(first)) as unknown;
    first.children[0].flags[0].evidence.push('tampered');
    first.children[0].flags[0].daysOverdue = -1;
    first.children[0].team = 'tampered';
    expect(driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG)).toEqual(expected);
  });

  it('Given rows shared (sharedRows), When asked twice, Then the same frozen rows; no caller can change them, and a copying report is unchanged', () => {
    const summaries = [build().summary()];
    const expected = JSON.parse(
      JSON.stringify(driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG)),
    ) as unknown;
    const first = driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG, {}, { sharedRows: true });
    const second = driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG, {}, { sharedRows: true });
    expect(first).toEqual(expected);
    expect(second.children[0]).toBe(first.children[0]);
    const [row] = first.children;
    expect(() => row.flags[0].evidence.push('tampered')).toThrow(TypeError);
    expect(() => {
      row.flags[0].daysOverdue = -1;
    }).toThrow(TypeError);
    expect(() => {
      row.team = 'tampered';
    }).toThrow(TypeError);
    expect(driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG)).toEqual(expected);
    // A copying report's rows are its own, not the shared ones.
    const copied = driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG);
    copied.children[0].flags[0].evidence.push('mine');
    expect(driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG, {}, { sharedRows: true })).toEqual(
      expected,
    );
  });

  it('evaluates again when the date, the filter or the summary changes', () => {
    const b = build();
    const summaries = [b.summary()];
    expect(driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG).openFlags).toBe(1);
    expect(driftReport(summaries, '2025-06-10', DEFAULT_DRIFT_CONFIG).openFlags).toBe(0);
    expect(driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG, { rules: ['DR02'] }).openFlags).toBe(0);
    expect(driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG, { team: 'South' }).openFlags).toBe(0);
    // The same object folded further in place (a review on time closes DR01).
    const review = journey('a')
      .registered('2015-01-01')
      .startCare('2025-06-02')
      .review('2025-06-20')
      .events.at(-1);
    if (review) applyEvent(summaries[0], review);
    expect(driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG).openFlags).toBe(0);
  });
});
