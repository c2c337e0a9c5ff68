import { driftReport, DEFAULT_DRIFT_CONFIG } from '@care-journey/projections';
import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import { driftView, worstOverdue } from './drift-view';
import type { DriftQuery } from './drift-query';

describe('the drift report sorted by "Most days overdue" (review s16-ofsted F3)', () => {
  // Unstable: 3 placements in the 12 months from 6 July 2025 (DR05 open ~510 days on 27 Nov 2026), reviews kept.
  const unstable = journey('u')
    .registered('2015-01-01')
    .startCare('2024-02-28')
    .review('2024-03-20')
    .plan('2024-03-21', 'long_term_fostering')
    .review('2024-06-15')
    .move('2025-05-25')
    .move('2025-07-06')
    .move('2026-02-18')
    .move('2026-05-25');
  for (const date of ['2024-12-10', '2025-06-01', '2025-11-25', '2026-05-20', '2026-11-10'])
    unstable.review(date);
  // In care from 10 September 2026 with no review: DR01 overdue by weeks, far fewer days than DR05's 510.
  const lateReview = journey('r').registered('2015-01-01').startCare('2026-09-10');

  it('Given a child with only DR05 open for 510 days and one whose first review is weeks overdue, When sorted by most days overdue, Then the overdue review comes first and the condition counts as no days overdue', () => {
    const summaries = [unstable.summary(), lateReview.summary()];
    const query = {
      asAt: '2026-11-27',
      filter: {},
      sort: 'overdue',
      descending: true,
      page: 1,
      all: false,
      errors: [],
      raw: {},
    } as unknown as DriftQuery;
    const report = driftReport(summaries, '2026-11-27', DEFAULT_DRIFT_CONFIG, {});
    const view = driftView(report, summaries, query);
    expect(view.rows.map((row) => [row.childId, row.flags.map((f) => f.ruleId)])).toEqual([
      ['r', ['DR01']],
      ['u', ['DR05']],
    ]);
    expect(view.rows[1].flags[0].daysOverdue).toBeGreaterThan(view.rows[0].flags[0].daysOverdue);
    expect(view.rows.map(worstOverdue)).toEqual([view.rows[0].flags[0].daysOverdue, -1]);
  });
});
