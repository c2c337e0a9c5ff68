import type { EventStore, ReadAllOptions, RecordedEvent } from '@care-journey/event-store';
import { evolveAll, type JourneyEvent, type JourneySchemas } from '@care-journey/journey';
import { SchemaWriteGate, SchemaWritesHeld } from './schema-write.gate';

/** A build that raised StatutoryReviewHeld to 2 (spec-only: every type is at 1 in this build). */
const RAISED: JourneySchemas = {
  current: { StatutoryReviewHeld: 2 },
  upcasters: { StatutoryReviewHeld: { 1: (data) => ({ ...data }) } },
};

const review: JourneyEvent = {
  type: 'StatutoryReviewHeld',
  data: { childId: 'c1', effectiveDate: '2024-06-01', participation: 'PN1' },
};
const careEnded: JourneyEvent = {
  type: 'PeriodOfCareEnded',
  data: { childId: 'c1', effectiveDate: '2024-07-01', reason: 'E4A' },
};
const state = evolveAll([]);

const stored = (globalPosition: bigint, type: string, schemaVersion: number): RecordedEvent => ({
  id: `e${globalPosition}`,
  type,
  data: {},
  metadata: { recordedAt: '2024-06-01T10:00:00Z', recordedBy: 'sw', schemaVersion },
  streamId: 'journey-c1',
  revision: 0n,
  globalPosition,
});

/** The log, as far as the gate reads it: the head, and a type-filtered read after a position. */
class LogDouble {
  readonly reads: ReadAllOptions[] = [];
  constructor(public events: RecordedEvent[]) {}

  headPosition(): Promise<bigint | undefined> {
    return Promise.resolve(this.events.at(-1)?.globalPosition);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.reads.push(options);
    const after = options.fromPosition ?? -1n;
    for (const event of this.events)
      if (event.globalPosition > after && (options.filter?.eventTypes ?? [event.type]).includes(event.type))
        yield event;
  }
}

const gateOver = (log: LogDouble, schemaWrites: 'current' | 'held', schemas = RAISED) =>
  new SchemaWriteGate(log as unknown as EventStore, { schemaWrites }, schemas);

describe('SchemaWriteGate (CARE_JOURNEY_SCHEMA_WRITES)', () => {
  it('Given current, or held with every type at version 1, Then it is not held (the handler never calls it)', () => {
    const log = new LogDouble([]);
    expect(gateOver(log, 'current').held).toBe(false);
    expect(gateOver(log, 'held', { current: {}, upcasters: {} }).held).toBe(false);
    expect(gateOver(log, 'held').held).toBe(true);
  });

  it('Given held and a log holding reviews at 1 only, When a review is decided, Then it is refused, and the next look reads only what was appended after the head it read to', async () => {
    const log = new LogDouble([stored(3n, 'StatutoryReviewHeld', 1), stored(10n, 'PeriodOfCareStarted', 1)]);
    const gate = gateOver(log, 'held');
    await expect(gate.check([review], state)).rejects.toThrow(SchemaWritesHeld);
    expect(log.reads).toEqual([{ filter: { eventTypes: ['StatutoryReviewHeld'] } }]);
    await expect(gate.check([review], state)).rejects.toMatchObject({
      held: { type: 'StatutoryReviewHeld', version: 2, seen: 1 },
    });
    expect(log.reads[1]).toEqual({ fromPosition: 10n, filter: { eventTypes: ['StatutoryReviewHeld'] } });
  });

  it('Given held, When a decision writes no raised type, Then it goes through without reading the log', async () => {
    const log = new LogDouble([stored(3n, 'StatutoryReviewHeld', 1)]);
    await gateOver(log, 'held').check([careEnded], state);
    expect(log.reads).toEqual([]);
  });

  it('Given held, When another process (set to current) writes a review at 2, Then the next review goes through, and later ones without a read', async () => {
    const log = new LogDouble([stored(3n, 'StatutoryReviewHeld', 1)]);
    const gate = gateOver(log, 'held');
    await expect(gate.check([review], state)).rejects.toThrow(SchemaWritesHeld);
    log.events.push(stored(11n, 'StatutoryReviewHeld', 2));
    await gate.check([review], state);
    expect(log.reads.at(-1)).toMatchObject({ fromPosition: 3n });
    const readsSoFar = log.reads.length;
    await gate.check([review], state);
    expect(log.reads).toHaveLength(readsSoFar);
  });
});
