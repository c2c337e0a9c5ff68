/** Test helpers for engine specs: temp files, writing journeys to a real log, waiting. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { currentSchemaVersion, journeyStream, type StoredJourneyEvent } from '@care-journey/journey';
import type { AppendResult, EventStore, RecordedEvent } from '@care-journey/event-store';
import { journey, type JourneyBuilder } from './journey-builder';

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One child's events as the log would give them, at consecutive positions from `first`. */
export const recordedEvents = (
  childId: string,
  events: readonly StoredJourneyEvent[],
  first = 1n,
): RecordedEvent[] =>
  events.map((event, index) => ({
    streamId: journeyStream(childId),
    revision: BigInt(index),
    globalPosition: first + BigInt(index),
    id: event.id,
    type: event.type,
    data: event.data as unknown as Record<string, unknown>,
    metadata: metadataOf(event),
  }));

const metadataOf = (event: StoredJourneyEvent) => ({
  recordedAt: event.recordedAt,
  recordedBy: event.recordedBy,
  schemaVersion: currentSchemaVersion(event.type),
});

/** Appends these events of one child (one append per event, as commands do). */
export async function appendEvents(
  store: EventStore,
  childId: string,
  events: readonly StoredJourneyEvent[],
): Promise<AppendResult> {
  let result: AppendResult | undefined;
  for (const event of events) {
    result = await store.appendToStream(
      journeyStream(childId),
      [
        {
          id: event.id,
          type: event.type,
          data: event.data as unknown as Record<string, unknown>,
          metadata: metadataOf(event),
        },
      ],
      { expectedRevision: 'any' },
    );
  }
  if (!result) throw new Error('appendEvents needs at least one event');
  return result;
}

/** Appends several journeys interleaved event by event, as a busy authority would. */
export async function appendInterleaved(
  store: EventStore,
  builders: readonly JourneyBuilder[],
): Promise<void> {
  const longest = Math.max(...builders.map((b) => b.events.length));
  for (let i = 0; i < longest; i++) {
    for (const b of builders) if (b.events[i]) await appendEvents(store, b.childId, [b.events[i]]);
  }
}

/** A varied little cohort: moves, temporary stays, reviews, adoption, a correction. */
export function sampleCohort(size: number, prefix = 'child'): JourneyBuilder[] {
  return Array.from({ length: size }, (_, i) => {
    const b = journey(`${prefix}${i}`)
      .registered('2020-01-01', {
        dateOfBirth: `201${i % 10}-0${(i % 9) + 1}-15`,
        team: i % 2 ? 'North' : 'South',
      })
      .startCare(`2024-0${(i % 9) + 1}-01`, i % 7 === 6 ? 'V3' : 'C2');
    b.review(`2024-0${(i % 9) + 1}-20`);
    if (i % 3 === 0) b.move(`2024-1${i % 3}-05`);
    if (i % 4 === 0) b.temporary('2024-11-01').backFromTemporary('2024-11-03');
    if (i % 5 === 0) b.adoptionDecision('2024-12-01').placementOrder('2025-01-10').match('2025-02-01');
    if (i % 6 === 0) {
      b.add('EntryRetracted', {
        effectiveDate: '2025-01-01',
        retractedEventId: `${b.childId}-3`,
        reason: 'wrong child',
      });
    }
    return b;
  });
}

export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}
