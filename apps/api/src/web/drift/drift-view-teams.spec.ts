import { driftReport, DEFAULT_DRIFT_CONFIG } from '@care-journey/projections';
import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import { driftView } from './drift-view';
import type { DriftQuery } from './drift-query';

describe('the drift report’s team choices', () => {
  it('offer one choice per team ignoring case and spacing, in the spelling most children carry', () => {
    const summaries = [
      journey('a').registered('2015-01-01', { team: 'Children in Care North' }).startCare('2025-06-02'),
      journey('b').registered('2015-01-01', { team: 'Children in Care North' }).startCare('2025-06-02'),
      journey('c').registered('2015-01-01', { team: 'children in care  north' }).startCare('2025-06-02'),
      journey('d').registered('2015-01-01', { team: 'Children in Care South' }).startCare('2025-06-02'),
    ].map((b) => b.summary());
    const query = {
      asAt: '2025-07-05',
      filter: {},
      sort: 'overdue',
      descending: false,
      page: 1,
      all: false,
      errors: [],
      raw: {},
    } as unknown as DriftQuery;
    const view = driftView(driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG, {}), summaries, query);
    expect(view.teams).toEqual(['Children in Care North', 'Children in Care South']);
  });
});
