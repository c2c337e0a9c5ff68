import type { CalendarDate } from '@care-journey/journey';
import {
  driftReport,
  type DriftConfig,
  type DriftReport,
  type DriftReportFilter,
  type ProjectionEngine,
} from '@care-journey/projections';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { ChildScope } from '../auth/child-scope/child-scope';
import { ListVersions } from '../web/drift/list-versions';
import { RecentCache } from '../web/reading/recent-cache';

/** Reports kept: a few readers' scopes times a few dates and filters (the panel reloading its list). */
const REPORTS_KEPT = 16;

/**
 * GET /drift-report's report for a reader: the children looked after on asAt (the engine's list for
 * the date), those in the reader's scope by their allocation today, through driftReport. Kept per
 * list, scope, today, date and filter (#9: a reload of the same report was ~20 ms of CPU, all of it
 * giving the same answer). The engine hands back a new list for a date as soon as one of its children
 * changes (a new event, a rebuild onto another fold version: looked-after-index.ts), so a kept
 * report is only ever served for the very summaries it was made from; `today` is in the key because
 * the scope judges allocations on it. A kept report is shared, its rows frozen: callers copy, never change it.
 */
export class ScopedDriftReports {
  private readonly reports = new RecentCache<DriftReport>(REPORTS_KEPT);
  private readonly lists = new ListVersions();

  constructor(
    private readonly engine: Pick<ProjectionEngine, 'summariesLookedAfterOn'>,
    private readonly scope: Pick<ChildScope, 'summaries' | 'cacheKey'>,
    private readonly config: DriftConfig,
  ) {}

  report(
    user: AuthenticatedUser,
    asAt: CalendarDate,
    today: CalendarDate,
    filter: DriftReportFilter,
  ): DriftReport {
    const lookedAfter = this.engine.summariesLookedAfterOn(asAt);
    const key = JSON.stringify([
      this.lists.of(lookedAfter),
      this.scope.cacheKey(user),
      today,
      asAt,
      filterKey(filter),
    ]);
    // Rows shared and frozen (driftReport's sharedRows): a kept report is read, never changed.
    return this.reports.getOrCompute(key, () =>
      driftReport(this.scope.summaries(user, lookedAfter, today), asAt, this.config, filter, {
        sharedRows: true,
      }),
    );
  }
}

/** The filter's fields in a fixed order (undefined ones null), whatever order the caller built it in. */
const filterKey = (filter: DriftReportFilter): unknown[] => [
  filter.rules ?? null,
  filter.team ?? null,
  filter.socialWorker ?? null,
  filter.legalStatus ?? null,
  filter.ageBand ?? null,
  filter.dueWithinDays ?? null,
];
