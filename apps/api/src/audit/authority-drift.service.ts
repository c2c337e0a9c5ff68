import { Inject, Injectable } from '@nestjs/common';
import {
  authorityDriftAsKnown,
  readKnownJourneys,
  type AsKnownPoint,
  type AuthorityDriftAsKnown,
} from '@care-journey/audit';
import type { EventStore } from '@care-journey/event-store';
import { JOURNEY_STREAM_PREFIX } from '@care-journey/journey';
import { driftConfigFromEnv, type DriftReportFilter } from '@care-journey/projections';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

interface Cached {
  report: Promise<AuthorityDriftAsKnown>;
}

/** Reports kept: an auditor pages through one or two at a time. */
const KEPT = 8;

/**
 * The authority's drift report as it stood on a date, replayed from every journey stream as known
 * at an instant (libs/audit). A replay reads the whole log, so a report is kept and served again
 * for the next page while no journey event recorded by its knownAt has been appended since
 * (checked by reading the journey events after the position it was built at: usually none).
 */
@Injectable()
export class AuthorityDriftService {
  /** The thresholds the live drift report uses (CARE_JOURNEY_DRIFT_THRESHOLDS), as the case history does. */
  readonly drift = driftConfigFromEnv();
  private readonly reports = new Map<string, Cached>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async report(point: AsKnownPoint, filter: DriftReportFilter): Promise<AuthorityDriftAsKnown> {
    const key = JSON.stringify([point.asAt, point.knownAt, filter]);
    const cached = this.reports.get(key);
    if (cached) {
      const report = await cached.report.catch(() => undefined);
      if (report && !(await this.knownSince(report, point.knownAt))) return report;
      this.reports.delete(key);
    }
    const report = this.build(point, filter);
    this.reports.set(key, { report });
    if (this.reports.size > KEPT) this.reports.delete(this.reports.keys().next().value as string);
    try {
      return await report;
    } catch (error) {
      this.reports.delete(key);
      throw error;
    }
  }

  private async build(point: AsKnownPoint, filter: DriftReportFilter): Promise<AuthorityDriftAsKnown> {
    const known = await readKnownJourneys(this.store, point.knownAt);
    return authorityDriftAsKnown(known, point.asAt, this.drift, filter);
  }

  /** Whether a journey event recorded by knownAt has been appended after the report's head. */
  private async knownSince(report: AuthorityDriftAsKnown, knownAt: string): Promise<boolean> {
    const limit = Date.parse(knownAt);
    const fromPosition = report.head === null ? undefined : BigInt(report.head);
    for await (const event of this.store.readAll({
      fromPosition,
      filter: { streamPrefixes: [JOURNEY_STREAM_PREFIX] },
    }))
      if (Date.parse(event.metadata.recordedAt) <= limit) return true;
    return false;
  }
}
