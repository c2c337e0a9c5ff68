import { Inject, Injectable } from '@nestjs/common';
import {
  chronology,
  diffHistory,
  exportBundle,
  readWholeStream,
  replayHistory,
  toStoredJourneyEvent,
  verifyChain,
  type AuditBundle,
  type AuditKey,
  type CaseHistory,
  type CaseHistoryView,
  type ChainVerification,
  type ChronologyEntry,
  type HistoryDiff,
  type ReplayPoint,
} from '@care-journey/audit';
import type { EventStore, RecordedEvent } from '@care-journey/event-store';
import { dateOfInstant, journeyStream, type StoredJourneyEvent } from '@care-journey/journey';
import { driftConfigFromEnv } from '@care-journey/projections';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { eventsSeenBy } from '../auth/events-seen-by';
import { ChildNotFound } from '../children/application-errors';
import { Clock } from '../infrastructure/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { AccessLogRecorder } from './access-log.recorder';

/** Who is reading, and why: every read below is recorded before anything is returned. */
export interface Reader {
  user: AuthenticatedUser;
  reason?: string;
  correlationId?: string;
}

/** Wiring only: load the child's stream, record the read, hand the events to @care-journey/audit. */
@Injectable()
export class CaseHistoryService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly trail: AccessLogRecorder,
    private readonly clock: Clock,
  ) {}

  /**
   * The drift thresholds the panel and the drift report use (CARE_JOURNEY_DRIFT_THRESHOLDS), so a
   * replay shows the flags the panel was shown, not the defaults'.
   */
  private readonly drift = driftConfigFromEnv();

  async history(childId: string, point: ReplayPoint, reader: Reader): Promise<CaseHistory> {
    const events = await this.readAsSeenBy(childId, 'history', reader, pointQuery(point));
    // With the flag history (opened/closed) as known at the point: panel review F7.
    return replayHistory(events, point, {
      today: dateOfInstant(this.clock.now()),
      driftConfig: this.drift,
      withFlagHistory: true,
    });
  }

  async diff(childId: string, from: ReplayPoint, to: ReplayPoint, reader: Reader): Promise<HistoryDiff> {
    const query = { ...prefixed('from', from), ...prefixed('to', to) };
    const events = await this.readAsSeenBy(childId, 'diff', reader, query);
    const options = { driftConfig: this.drift };
    return diffHistory(replayHistory(events, from, options), replayHistory(events, to, options));
  }

  async chronology(childId: string, reader: Reader): Promise<ChronologyEntry[]> {
    return chronology(await this.readAsSeenBy(childId, 'chronology', reader));
  }

  async verify(childId: string, reader: Reader): Promise<ChainVerification & { childId: string }> {
    return { childId, ...verifyChain(await this.read(childId, 'verify', reader)) };
  }

  async bundle(childId: string, reader: Reader, key: AuditKey): Promise<AuditBundle> {
    const events = await this.read(childId, 'bundle', reader);
    return exportBundle({
      childId,
      streamId: journeyStream(childId),
      events,
      exportedAt: this.clock.now(),
      exportedBy: reader.user.id,
      key,
    });
  }

  /**
   * The events as the reader's role may read them (the panel: no UPN, postcode districts, no free
   * text about the family): replayed state, diffs and chronology are computed from these only.
   */
  private async readAsSeenBy(
    childId: string,
    view: CaseHistoryView,
    reader: Reader,
    query: Record<string, string> = {},
  ): Promise<StoredJourneyEvent[]> {
    const events = await this.read(childId, view, reader, query);
    return eventsSeenBy(reader.user.role, events).map(toStoredJourneyEvent);
  }

  private async read(
    childId: string,
    view: CaseHistoryView,
    reader: Reader,
    query: Record<string, string> = {},
  ): Promise<RecordedEvent[]> {
    const events = await readWholeStream(this.store, journeyStream(childId));
    if (!events) throw new ChildNotFound(childId);
    // A read that cannot be recorded is not served.
    await this.trail.record(
      reader.user,
      { childId, view, reason: reader.reason, query },
      reader.correlationId,
    );
    return events;
  }
}

const pointQuery = (point: ReplayPoint): Record<string, string> => ({
  ...(point.asAt !== undefined && { asAt: point.asAt }),
  ...(point.knownAt !== undefined && { knownAt: point.knownAt }),
});

const prefixed = (side: string, point: ReplayPoint): Record<string, string> =>
  Object.fromEntries(Object.entries(pointQuery(point)).map(([axis, value]) => [`${side}.${axis}`, value]));
