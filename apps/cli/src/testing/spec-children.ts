import { type RecordedEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { currentSchemaVersion, journeyStream, type JourneyEventType } from '@care-journey/journey';
import { fosterU6, registered } from '../../../../libs/journey/src/testing/fixtures';

/** One child's journey as the CLI specs seed it: registered, then in care and out of it when given. */
export interface SpecChild {
  childId: string;
  /** The 903 reference. */
  childRef: string;
  /** Default 2015-06-14. */
  dateOfBirth?: string;
  /** The registration's effective date; default 2024-04-01. */
  registeredOn?: string;
  /** In care from this date, with libs/journey's U6 foster carer and previous permanence Z1; not in care when absent. */
  inCareFrom?: string;
  /** The legal status care starts under; default C1. */
  legalStatus?: string;
  /** Care ends E5 (independent living) on this date, when given (with `inCareFrom`). */
  leftOn?: string;
}

/** An event of `type` for `childId` (the n-th of its stream), recorded by `spec` at its current schema version. */
export const specEvent = (
  childId: string,
  n: number,
  type: JourneyEventType,
  data: Record<string, unknown>,
) => ({
  id: `${childId}-${n}`,
  type,
  data: { ...data, childId },
  metadata: {
    recordedAt: '2024-06-01T00:00:00Z',
    recordedBy: 'spec',
    schemaVersion: currentSchemaVersion(type),
  },
});

/** The child's events in `file` (a real SQLite store), appended to its journey stream as one batch. */
export async function seedChild(file: string, child: SpecChild): Promise<void> {
  const { childId, inCareFrom, leftOn } = child;
  const store = new SqliteEventStore({ file });
  try {
    await store.appendToStream(
      journeyStream(childId),
      [
        // libs/journey's realistic registration, as this child.
        specEvent(childId, 0, 'ChildRegistered', {
          ...registered.data,
          effectiveDate: child.registeredOn ?? '2024-04-01',
          childRef: child.childRef,
          dateOfBirth: child.dateOfBirth ?? '2015-06-14',
        }),
        ...(inCareFrom === undefined
          ? []
          : [
              specEvent(childId, 1, 'PeriodOfCareStarted', {
                effectiveDate: inCareFrom,
                legalStatus: child.legalStatus ?? 'C1',
                categoryOfNeed: 'N1',
                placement: fosterU6,
                // Recorded: without it the 903 PrevPerm row says P4 (not known) and the self-check names rule 630.
                previousPermanence: { code: 'Z1' },
              }),
            ]),
        ...(inCareFrom === undefined || leftOn === undefined
          ? []
          : [specEvent(childId, 2, 'PeriodOfCareEnded', { effectiveDate: leftOn, reason: 'E5' })]),
      ],
      { expectedRevision: 'any' },
    );
  } finally {
    await store.close();
  }
}

/** Every read-access trail entry (`access-log-*` streams) in `file`, in the order recorded. */
export async function readAccessTrail(file: string): Promise<RecordedEvent[]> {
  const store = new SqliteEventStore({ file });
  const events: RecordedEvent[] = [];
  try {
    for await (const event of store.readAll({ filter: { streamPrefixes: ['access-log-'] } }))
      events.push(event);
  } finally {
    await store.close();
  }
  return events;
}
