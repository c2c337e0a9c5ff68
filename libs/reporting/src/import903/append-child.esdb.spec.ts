/**
 * A 903 child's journey larger than EventStoreDB takes in one append (its MaxAppendSize, 1 MiB by
 * default; small here): refused with a reason for the import report, never split and never a raw
 * error that stops the run (review s13 M6). Through the adapter over the in-process client.
 */
import { randomUUID } from 'node:crypto';
import { StreamNotFound, type NewEvent } from '@care-journey/event-store';
import { EventStoreDbEventStore } from '../../../event-store/src/eventstoredb/esdb-event-store';
import { InProcessEsdbClient } from '../../../event-store/src/eventstoredb/testing/in-process-esdb-client.spec-helper';
import { appendChild } from './append-child';

const envelopes = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({
    id: randomUUID(),
    type: 'ChildEnteredCare',
    data: { n, note: 'x'.repeat(200) },
    metadata: { recordedAt: '2025-04-01T00:00:00.000Z', recordedBy: 'import-903', schemaVersion: 1 },
  }));

describe('appendChild on EventStoreDB with a journey larger than one append', () => {
  it('Given a long journey, When it is appended, Then the child is refused with the limit named, and nothing is written', async () => {
    const store = new EventStoreDbEventStore(new InProcessEsdbClient(undefined, { maxAppendSize: 4_000 }));
    try {
      const outcome = await appendChild(store, 'journey-c1', envelopes(40), undefined);
      expect(outcome).toMatchObject({ kind: 'too-large' });
      expect(outcome.kind === 'too-large' && outcome.reason).toMatch(
        /journey \(40 events\) is larger than the event store takes in one append \(4000 bytes\).*MaxAppendSize/,
      );
      await expect(store.readStream('journey-c1')[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(
        StreamNotFound,
      );
      // A short journey still goes in, in one append.
      expect(await appendChild(store, 'journey-c2', envelopes(3), undefined)).toMatchObject({
        kind: 'written',
        events: 3,
      });
    } finally {
      await store.close();
    }
  });
});
