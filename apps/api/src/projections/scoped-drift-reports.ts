import type { Provider } from '@nestjs/common';
import type { CalendarDate } from '@care-journey/journey';
import {
  driftReport,
  type DriftConfig,
  type DriftReport,
  type DriftReportFilter,
  type JourneySummary,
  type ProjectionEngine,
  type ReadModelConfig,
} from '@care-journey/projections';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ChildScope } from '../auth/child-scope/child-scope';
import { ListVersions } from '../web/drift/list-versions';
import { RecentCache } from '../web/reading/recent-cache';
import { PROJECTION_ENGINE, READ_MODEL_CONFIG } from './projection-engine.provider';

/** Reports kept: a few readers' scopes times a few dates and filters (the panel reloading its list). */
const REPORTS_KEPT = 16;

/** A reader's report, and the summaries it was judged on (the panel's filter choices and evidence read them). */
export interface ScopedDriftReport {
  report: DriftReport;
  summaries: readonly JourneySummary[];
}

/**
 * The drift report for a reader: the children looked after on asAt (the engine's list for the date),
 * those in the reader's scope by their allocation today, through driftReport. GET /drift-report and
 * the panel's drift page and CSV share one instance, so a report made for one serves the other. Kept per
 * list, scope, today, date and filter (#9: a reload of the same report was ~20 ms of CPU, all of it
 * giving the same answer). The engine hands back a new list for a date as soon as one of its children
 * changes (a new event, a rebuild onto another fold version: looked-after-index.ts), so a kept
 * report is only ever served for the very summaries it was made from; `today` is in the key because
 * the scope judges allocations on it. A kept report is shared, its rows frozen: callers copy, never change it.
 */
export class ScopedDriftReports {
  private readonly reports = new RecentCache<ScopedDriftReport>(REPORTS_KEPT);
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
    return this.withSummaries(user, asAt, today, filter).report;
  }

  /** The report and the reader's summaries it was judged on, kept together (the same key decides both). */
  withSummaries(
    user: AuthenticatedUser,
    asAt: CalendarDate,
    today: CalendarDate,
    filter: DriftReportFilter,
  ): ScopedDriftReport {
    const lookedAfter = this.engine.summariesLookedAfterOn(asAt);
    const key = JSON.stringify([
      this.lists.of(lookedAfter),
      this.scope.cacheKey(user),
      today,
      asAt,
      filterKey(filter),
    ]);
    // Rows shared and frozen (driftReport's sharedRows): a kept report is read, never changed.
    return this.reports.getOrCompute(key, () => {
      const summaries = this.scope.summaries(user, lookedAfter, today);
      const report = driftReport(summaries, asAt, this.config, filter, { sharedRows: true });
      return { report, summaries };
    });
  }
}

/** One instance for the API's and the panel's drift controllers. */
export const scopedDriftReportsProvider: Provider = {
  provide: ScopedDriftReports,
  useFactory: (engine: ProjectionEngine, scope: ChildScope, config: ReadModelConfig) =>
    new ScopedDriftReports(engine, scope, config.drift),
  inject: [PROJECTION_ENGINE, ChildScope, READ_MODEL_CONFIG],
};

/** The filter's fields in a fixed order (undefined ones null), whatever order the caller built it in. */
const filterKey = (filter: DriftReportFilter): unknown[] => [
  filter.rules ?? null,
  filter.team ?? null,
  filter.socialWorker ?? null,
  filter.legalStatus ?? null,
  filter.ageBand ?? null,
  filter.dueWithinDays ?? null,
];
