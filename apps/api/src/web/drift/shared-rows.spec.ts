/**
 * The panel's drift page and CSV take their report from ScopedDriftReports (session 20), whose rows
 * are shared with every report that asks for them and frozen through: the page must render them
 * without changing one (a change would throw), byte for byte as it rendered the fresh copies it
 * made itself before, whatever the sort, filter, page or role.
 */
import {
  DEFAULT_DRIFT_CONFIG,
  driftReport,
  type DriftReportRow,
  type JourneySummary,
} from '@care-journey/projections';
import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import { driftCsv } from './drift-csv';
import { parseDriftQuery } from './drift-query';
import { driftView } from './drift-view';
import { driftPageFor } from './testing/drift-page-for';

const TODAY = '2025-07-05';
/** Flags of several kinds and ages: overdue first reviews, one reviewed late, one due soon, two teams. */
const summaries: JourneySummary[] = [
  journey('a').registered('2015-01-01', { team: 'Children in Care North' }).startCare('2025-03-02'),
  journey('b').registered('2010-01-01', { team: 'Children in Care South' }).startCare('2025-06-20'),
  journey('c')
    .registered('2008-05-10', { dateOfBirth: '2008-05-10', team: 'Children in Care South' })
    .startCare('2024-01-01', 'C2', 'K2')
    .review('2024-02-20'),
  journey('d').registered('2020-01-01', { team: 'Children in Care North' }).startCare('2025-06-02'),
].map((b) => b.summary());

const PARAMS: Record<string, string>[] = [
  {},
  { sort: 'child' },
  { sort: 'team', dir: 'desc' },
  { sort: 'due' },
  { minDaysOverdue: '1' },
  { team: 'Children in Care South' },
  { rule: 'DR01', dueWithinDays: '60' },
  { all: '1' },
];

const frozenThrough = (row: DriftReportRow): boolean =>
  Object.isFrozen(row) && Object.isFrozen(row.flags) && row.flags.every((flag) => Object.isFrozen(flag));

describe('the drift page on shared, frozen rows', () => {
  it('Given the report ScopedDriftReports keeps (rows frozen), Then its rows are frozen through, and there are flags to show', () => {
    const report = driftReport(summaries, TODAY, DEFAULT_DRIFT_CONFIG, {}, { sharedRows: true });
    expect(report.children.length).toBeGreaterThanOrEqual(3);
    expect(report.children.every(frozenThrough)).toBe(true);
  });

  it.each(PARAMS)(
    'Given %j, When the page is rendered on frozen rows, Then it is byte-identical to the page on fresh copies',
    (params) => {
      const page = (sharedRows: boolean) =>
        driftPageFor({
          summaries,
          today: TODAY,
          params,
          sharedRows,
          model: { workerName: (username) => (username === 'sw-1' ? 'Sam Worker' : undefined) },
        });
      const onFrozen = page(true);
      expect(onFrozen).toContain('<table');
      expect(onFrozen).toBe(page(false));
    },
  );

  it('Given a role that sees no names, When the page is rendered on frozen rows, Then it is byte-identical too (the names blanked in copies)', () => {
    const page = (sharedRows: boolean) =>
      driftPageFor({
        summaries,
        today: TODAY,
        sharedRows,
        model: {
          user: { id: 'job', name: 'Reporting job', role: 'reporting_job' },
          showNames: false,
        },
      });
    expect(page(true)).toBe(page(false));
  });

  it('Given the CSV of every matching row, When it is written from frozen rows, Then it is byte-identical to the CSV from fresh copies', () => {
    const byId = new Map(summaries.map((summary) => [summary.childId, summary]));
    const csv = (sharedRows: boolean, showNames: boolean) => {
      const query = parseDriftQuery({ asAt: TODAY, all: '1', sort: 'child' }, TODAY);
      const report = driftReport(summaries, query.asAt, DEFAULT_DRIFT_CONFIG, query.filter, { sharedRows });
      const view = driftView(report, summaries, query);
      return driftCsv(view.matching, query.asAt, showNames, (id) => byId.get(id));
    };
    expect(csv(true, true).split('\n').length).toBeGreaterThan(3);
    expect(csv(true, true)).toBe(csv(false, true));
    expect(csv(true, false)).toBe(csv(false, false));
  });
});
