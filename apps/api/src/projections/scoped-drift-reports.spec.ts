/**
 * GET /drift-report's kept reports (#9): the same report asked again is given without being worked
 * out again, and a report is never served for anything but the summaries, scope, today, date and
 * filter it was made from. The engine side is the real summary cache (its looked-after lists) over
 * held read models; every report is checked against driftReport worked out afresh over every child.
 */
import type { CalendarDate } from '@care-journey/journey';
import {
  DEFAULT_DRIFT_CONFIG,
  driftReport,
  type AuthorityConfig,
  type DriftReportFilter,
  type JourneySummary,
} from '@care-journey/projections';
import type { ReadModelStore } from '../../../../libs/projections/src/engine/read-model-store';
import type { SummaryRecord } from '../../../../libs/projections/src/engine/read-model-store-queries';
import { SummaryCache } from '../../../../libs/projections/src/engine/summary-cache';
import { journey } from '../../../../libs/projections/src/testing/journey-builder';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ChildScope } from '../auth/child-scope/child-scope';
import type { RefusalTrail } from '../auth/child-scope/refusal-trail';
import { UserTeamScopes } from '../auth/child-scope/user-team-scopes';
import type { JourneyRepository } from '../children/recording/journey.repository';
import type { UserDirectory } from '../web/auth/user-directory';
import { ScopedDriftReports } from './scoped-drift-reports';

/** The read-model file as the summary cache reads it: rows by position, in one generation at a time. */
class HeldReadModels {
  private generation = 1;
  private rows = new Map<string, SummaryRecord>();
  private position = 0n;

  write(summaries: readonly JourneySummary[]): void {
    for (const summary of summaries)
      this.rows.set(summary.childId, { summary, lastPosition: ++this.position });
  }

  /** A rebuild (a new fold version) switched the served generation: these summaries, whole. */
  switchGeneration(summaries: readonly JourneySummary[]): void {
    this.generation += 1;
    this.rows = new Map();
    this.write(summaries);
  }

  summariesChangedSince(after: bigint | undefined): { generation: number; records: SummaryRecord[] } {
    const records = [...this.rows.values()].filter((row) => row.lastPosition > (after ?? -1n));
    return { generation: this.generation, records };
  }
}

const ASAT: CalendarDate = '2025-03-31';
const TODAY: CalendarDate = '2025-03-31';
const southWorker = { id: 'sw.south', role: 'social_worker' } as AuthenticatedUser;
const otherSouthWorker = { id: 'sw.south.2', role: 'social_worker' } as AuthenticatedUser;
const panel = { id: 'pat', role: 'panel_member' } as AuthenticatedUser;

/** In care since 1 January 2025 with no review: DR01 (first review) is overdue on 31 March. */
const inCare = (id: string, team: string) =>
  journey(id).registered('2025-01-01', { team }).startCare('2025-01-01');
const children = () => ({
  north: inCare('north', 'North'),
  south: inCare('south', 'South'),
  // Allocated to South until 1 April 2025, then to North.
  moved: inCare('moved', 'South').add('AllocationChanged', {
    effectiveDate: '2025-04-01',
    team: 'North',
    socialWorker: 'sw-2',
  }),
  // Never looked after: in no report.
  never: journey('never').registered('2025-01-01', { team: 'South' }),
});

function setUp() {
  const users = { teamsOf: () => ['South'] } as unknown as UserDirectory;
  const authority = { socialWorkerScope: 'team', teams: ['North', 'South'] } as unknown as AuthorityConfig;
  const scope = new ChildScope(
    new UserTeamScopes(users, authority),
    authority,
    {} as JourneyRepository,
    {} as RefusalTrail,
  );
  const held = new HeldReadModels();
  const cache = new SummaryCache(held as unknown as ReadModelStore);
  const reports = new ScopedDriftReports(
    { summariesLookedAfterOn: (date) => cache.lookedAfterOn(date) },
    scope,
    DEFAULT_DRIFT_CONFIG,
  );
  const cohort = children();
  held.write(Object.values(cohort).map((b) => b.summary()));
  /** The report worked out afresh over every child the read models hold, no list or report kept. */
  const fresh = (user: AuthenticatedUser, asAt = ASAT, today = TODAY, filter: DriftReportFilter = {}) =>
    driftReport(scope.summaries(user, [...cache.all()], today), asAt, DEFAULT_DRIFT_CONFIG, filter);
  return { held, reports, cohort, fresh };
}

const ids = (report: { children: { childId: string }[] }): string[] =>
  report.children.map((row) => row.childId).sort();

describe('ScopedDriftReports: the drift report kept per list, scope, today, date and filter', () => {
  it('Given a report asked, When the same reader asks again with nothing recorded since, Then the kept report is given, and it is the report worked out afresh', () => {
    const { reports, fresh } = setUp();
    const first = reports.report(panel, ASAT, TODAY, {});
    expect(reports.report(panel, ASAT, TODAY, {})).toBe(first);
    expect(first).toEqual(fresh(panel));
    expect(ids(first)).toEqual(['moved', 'north', 'south']);
  });

  it('Given a kept report, When a child in it records a review, Then the next report is worked out again and shows it; a change to a child not looked after then keeps it', () => {
    const { held, reports, cohort, fresh } = setUp();
    const first = reports.report(panel, ASAT, TODAY, {});
    const reallocated = cohort.never.add('AllocationChanged', {
      effectiveDate: '2025-02-01',
      team: 'North',
      socialWorker: 'sw-3',
    });
    held.write([reallocated.summary()]);
    expect(reports.report(panel, ASAT, TODAY, {})).toBe(first);
    held.write([cohort.south.review('2025-01-20').summary()]);
    const after = reports.report(panel, ASAT, TODAY, {});
    expect(after).not.toBe(first);
    expect(after).toEqual(fresh(panel));
    expect(after.openFlags).toBeLessThan(first.openFlags);
  });

  it('Given a kept report, When a rebuild onto another fold version switches the read models, Then the report is worked out again from the new summaries', () => {
    const { held, reports, cohort, fresh } = setUp();
    const first = reports.report(panel, ASAT, TODAY, {});
    held.switchGeneration(
      [cohort.north, cohort.south.review('2025-01-20'), cohort.moved].map((b) => b.summary()),
    );
    const after = reports.report(panel, ASAT, TODAY, {});
    expect(after).not.toBe(first);
    expect(after).toEqual(fresh(panel));
    expect(after.openFlags).toBeLessThan(first.openFlags);
  });

  it('Given a kept report, When another date is asked, or the same date on another day, Then each is worked out for its own date and today', () => {
    const { reports, fresh } = setUp();
    const first = reports.report(southWorker, ASAT, TODAY, {});
    expect(ids(first)).toEqual(['moved', 'south']);
    const earlier = reports.report(southWorker, '2025-01-10', TODAY, {});
    expect(earlier).toEqual(fresh(southWorker, '2025-01-10'));
    expect(earlier.openFlags).toBeLessThan(first.openFlags);
    // From 1 April the moved child is allocated to North: out of the South worker's scope.
    const nextDay = reports.report(southWorker, ASAT, '2025-04-01', {});
    expect(nextDay).toEqual(fresh(southWorker, ASAT, '2025-04-01'));
    expect(ids(nextDay)).toEqual(['south']);
    expect(reports.report(southWorker, ASAT, TODAY, {})).toBe(first);
  });

  it('Given a kept report, When a reader of another scope or another filter asks, Then theirs is worked out; a reader of the same scope shares it', () => {
    const { reports, fresh } = setUp();
    const south = reports.report(southWorker, ASAT, TODAY, {});
    expect(reports.report(otherSouthWorker, ASAT, TODAY, {})).toBe(south);
    const all = reports.report(panel, ASAT, TODAY, {});
    expect(ids(all)).toEqual(['moved', 'north', 'south']);
    expect(all).toEqual(fresh(panel));
    const filter: DriftReportFilter = { team: 'north', rules: ['DR01'], dueWithinDays: 90 };
    const north = reports.report(panel, ASAT, TODAY, filter);
    expect(north).toEqual(fresh(panel, ASAT, TODAY, filter));
    expect(ids(north)).toEqual(['north']);
    // The same filter built in another order is the same key.
    expect(reports.report(panel, ASAT, TODAY, { dueWithinDays: 90, rules: ['DR01'], team: 'north' })).toBe(
      north,
    );
  });
});
