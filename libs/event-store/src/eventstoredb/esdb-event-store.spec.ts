import { randomUUID } from 'node:crypto';
import {
  CancelledError,
  DeadlineExceededError,
  StreamDeletedError,
  UnavailableError,
} from '@eventstore/db-client';
import {
  BatchTooLarge,
  DuplicateEventIds,
  StoreUnavailable,
  StreamNotFound,
  WrongExpectedRevision,
} from '../errors';
import type { NewEvent, RecordedEvent } from '../event-store.port';
import { EventStoreDbEventStore } from './esdb-event-store';
import { InProcessEsdbClient } from './testing/in-process-esdb-client.spec-helper';

function events(count: number): NewEvent[] {
  return Array.from({ length: count }, (_, n) => ({
    id: randomUUID(),
    type: 'Tested',
    data: { n },
    metadata: { recordedAt: '2024-05-01T09:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 },
  }));
}

async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const read: RecordedEvent[] = [];
  for await (const event of iterable) read.push(event);
  return read;
}

describe('EventStoreDB adapter: a condition on another stream (onlyIf) and retries', () => {
  let client: InProcessEsdbClient;
  let store: EventStoreDbEventStore;

  beforeEach(() => {
    client = new InProcessEsdbClient();
    store = new EventStoreDbEventStore(client);
  });

  afterEach(() => store.close());

  it('answers an exact retry with the original result though the other stream has moved, writing nothing', async () => {
    // Given a registration appended while the reference stream stood at 0, which has moved since
    await store.appendToStream('ref', events(1), { expectedRevision: 'no_stream' });
    const batch = events(2);
    const options = { expectedRevision: 'no_stream' as const, onlyIf: { stream: 'ref', revision: 0n } };
    const first = await store.appendToStream('journey', batch, options);
    await store.appendToStream('ref', events(1), { expectedRevision: 0n });
    // When the same append is retried
    const retried = await store.appendToStream('journey', batch, options);
    // Then it gets the original result and the stream holds the batch once
    expect(retried).toEqual(first);
    expect((await collect(store.readStream('journey'))).map((e) => e.id)).toEqual(batch.map((e) => e.id));
  });

  it('refuses a new batch at a place already taken with the stream’s own revision, not the condition', async () => {
    await store.appendToStream('ref', events(1), { expectedRevision: 'no_stream' });
    await store.appendToStream('journey', events(1), { expectedRevision: 'no_stream' });
    await store.appendToStream('ref', events(1), { expectedRevision: 0n });
    const refused = store.appendToStream('journey', events(1), {
      expectedRevision: 'no_stream',
      onlyIf: { stream: 'ref', revision: 0n },
    });
    await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevision);
    await expect(refused).rejects.toMatchObject({ stream: 'journey', expected: 'no_stream', actual: 0n });
    expect(await collect(store.readStream('journey'))).toHaveLength(1);
  });

  it('still checks the condition before a first append, and sends nothing to the server when it fails', async () => {
    await store.appendToStream('ref', events(2), { expectedRevision: 'no_stream' });
    const before = client.calls.appendToStream;
    const refused = store.appendToStream('journey', events(1), {
      expectedRevision: 'no_stream',
      onlyIf: { stream: 'ref', revision: 0n },
    });
    await expect(refused).rejects.toMatchObject({ stream: 'ref', expected: '0', actual: 1n });
    expect(client.calls.appendToStream).toBe(before);
  });

  it('gives a retry answered without a position the original append’s position, not the head’s', async () => {
    const batch = events(2);
    const first = await store.appendToStream('journey', batch, { expectedRevision: 'no_stream' });
    const later = await store.appendToStream('other', events(1), { expectedRevision: 'no_stream' });
    expect(later.globalPosition).toBeGreaterThan(first.globalPosition);
    expect(await store.appendToStream('journey', batch, { expectedRevision: 'no_stream' })).toEqual(first);
  });

  it('refuses an append cut by a server shutdown (CancelledError) as StoreUnavailable, so the API answers 503', async () => {
    jest
      .spyOn(client, 'appendToStream')
      .mockRejectedValueOnce(new CancelledError(undefined, 'server shutting down'));
    const cut = store.appendToStream('journey', events(1), { expectedRevision: 'no_stream' });
    await expect(cut).rejects.toBeInstanceOf(StoreUnavailable);
  });
});

describe('EventStoreDB adapter: the ids a stream holds, read before an append', () => {
  it('reads only the events added since its last append to a stream, not the whole stream again', async () => {
    const client = new InProcessEsdbClient();
    const store = new EventStoreDbEventStore(client);
    const other = new EventStoreDbEventStore(new InProcessEsdbClient(client.log));
    try {
      await store.appendToStream('access-log', events(50), { expectedRevision: 'no_stream' });
      const read = jest.spyOn(client, 'readStream');
      await store.appendToStream('access-log', events(1), { expectedRevision: 49n });
      // Another connection appends meanwhile: its event is read, and its id then refused here.
      const theirs = events(1);
      await other.appendToStream('access-log', theirs, { expectedRevision: 50n });
      await expect(
        store.appendToStream('access-log', theirs, { expectedRevision: 51n }),
      ).rejects.toBeInstanceOf(DuplicateEventIds);
      const froms = read.mock.calls.map(([, options]) => options?.fromRevision);
      expect(froms).toEqual([0n, 50n]); // the first append made with no_stream read nothing
    } finally {
      await store.close();
      await other.close();
    }
  });
});

/** Settles within `ms`, or says it never did (the real client never settles some appends). */
function settleWithin<T>(attempt: Promise<T>, ms = 1_000): Promise<T | 'never settled'> {
  return Promise.race([
    attempt,
    new Promise<'never settled'>((resolve) => setTimeout(() => resolve('never settled'), ms)),
  ]);
}

describe('EventStoreDB adapter: appends the client or server would mishandle (review s13)', () => {
  it('refuses data or metadata the client cannot serialise, naming the field, and sends nothing (M2)', async () => {
    const client = new InProcessEsdbClient();
    const store = new EventStoreDbEventStore(client);
    try {
      const [good, bad] = events(2);
      bad.data = { amount: 12n };
      const refused = await settleWithin(
        store.appendToStream('journey', [good, bad], { expectedRevision: 'any' }).catch((e: unknown) => e),
      );
      expect(refused).toBeInstanceOf(TypeError);
      expect(String(refused)).toMatch(/events\[1\]\.data must be JSON-serialisable \(stream journey\)/);
      const [cyclic] = events(1);
      const loop: Record<string, unknown> = {};
      loop.self = loop;
      cyclic.metadata = { ...cyclic.metadata, loop };
      await expect(
        settleWithin(store.appendToStream('journey', [cyclic], { expectedRevision: 'any' })),
      ).rejects.toThrow(/events\[0\]\.metadata must be JSON-serialisable/);
      expect(client.calls.appendToStream).toBe(0);
      await expect(collect(store.readStream('journey'))).rejects.toThrow(/does not exist/);
    } finally {
      await store.close();
    }
  });

  it('never acknowledges an append refused with throwOnAppendFailure=false (success: false) (M3)', async () => {
    const client = new InProcessEsdbClient(undefined, { throwOnAppendFailure: false });
    const store = new EventStoreDbEventStore(client);
    try {
      await store.appendToStream('journey', events(3), { expectedRevision: 'no_stream' });
      const refused = store.appendToStream('journey', events(1), { expectedRevision: 0n });
      await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(refused).rejects.toMatchObject({ stream: 'journey', expected: '0', actual: 2n });
      const missing = store.appendToStream('nowhere', events(1), { expectedRevision: 'stream_exists' });
      await expect(missing).rejects.toMatchObject({ actual: 'no_stream' });
      expect(await collect(store.readStream('journey'))).toHaveLength(3);
    } finally {
      await store.close();
    }
  });

  it('refuses an append larger than the server’s MaxAppendSize with BatchTooLarge, writing nothing (M6)', async () => {
    const client = new InProcessEsdbClient(undefined, { maxAppendSize: 1_000 });
    const store = new EventStoreDbEventStore(client);
    try {
      const refused = store.appendToStream('journey', events(20), { expectedRevision: 'no_stream' });
      await expect(refused).rejects.toBeInstanceOf(BatchTooLarge);
      await expect(refused).rejects.toMatchObject({ stream: 'journey', events: 20, maxBytes: 1_000 });
      await expect(refused).rejects.toThrow(/at most 1000 bytes/);
      await store.appendToStream('journey', events(2), { expectedRevision: 'no_stream' });
      expect(await collect(store.readStream('journey'))).toHaveLength(2);
    } finally {
      await store.close();
    }
  });
});

describe('EventStoreDB adapter: an append sent but not answered (review s13 M4)', () => {
  it('says the outcome is unknown, and a retry of the same batch is recorded once', async () => {
    const client = new InProcessEsdbClient();
    const store = new EventStoreDbEventStore(client);
    try {
      await store.appendToStream('journey', events(1), { expectedRevision: 'no_stream' });
      const batch = events(2);
      // Given the leader commits the append but the deadline passes before the answer
      client.commitThenFail(new DeadlineExceededError(undefined, 'deadline exceeded'));
      const failed = await store.appendToStream('journey', batch, { expectedRevision: 0n }).catch((e) => e);
      expect(failed).toBeInstanceOf(StoreUnavailable);
      expect(failed).toMatchObject({ outcomeUnknown: true });
      // When it is sent again as it was (what an Idempotency-Key replay does)
      const retried = await store.appendToStream('journey', batch, { expectedRevision: 0n });
      // Then it is answered as the original, recorded once
      expect(retried.nextExpectedRevision).toBe(2n);
      expect((await collect(store.readStream('journey'))).map((e) => e.id).slice(1)).toEqual(
        batch.map((e) => e.id),
      );
    } finally {
      await store.close();
    }
  });

  it('says nothing was written when the append was never sent', async () => {
    const client = new InProcessEsdbClient();
    const store = new EventStoreDbEventStore(client);
    try {
      jest.spyOn(client, 'readStream').mockImplementationOnce(() => {
        throw new UnavailableError(undefined, 'connection refused');
      });
      const unsent = await store
        .appendToStream('journey', events(1), { expectedRevision: 'any' })
        .catch((e) => e);
      expect(unsent).toMatchObject({ name: 'StoreUnavailable', outcomeUnknown: false });
      expect(client.calls.appendToStream).toBe(0);
    } finally {
      await store.close();
    }
  });
});

describe('EventStoreDB adapter on a server whose stream reads carry no position (before 22.6) (review s13 M1)', () => {
  it('refuses as too old, never answering with the 2^64 - 1 the server sends instead', async () => {
    const client = new InProcessEsdbClient(undefined, { streamReadsWithoutPosition: true });
    const store = new EventStoreDbEventStore(client);
    try {
      const batch = events(2);
      await store.appendToStream('journey', batch, { expectedRevision: 'no_stream' });
      await expect(collect(store.readStream('journey'))).rejects.toThrow(/too old.*23\.10/);
      // A retry is answered without a position by the server: the adapter reads it back, and refuses.
      const retried = store.appendToStream('journey', batch, { expectedRevision: 'no_stream' });
      await expect(retried).rejects.toBeInstanceOf(StoreUnavailable);
      // $all reads still carry positions on such servers.
      expect((await collect(store.readAll())).map((e) => e.id)).toEqual(batch.map((e) => e.id));
    } finally {
      await store.close();
    }
  });
});

describe('EventStoreDB adapter: the head of a log holding system events (review s13 L3)', () => {
  const systemEvent = () => ({
    id: randomUUID(),
    type: '$scavengeStarted',
    contentType: 'application/json' as const,
    data: {},
    metadata: undefined,
  });

  it('has no head while the log holds only the server’s own events, and passes over any number of them', async () => {
    const client = new InProcessEsdbClient();
    const store = new EventStoreDbEventStore(client);
    try {
      expect(await store.headPosition()).toBeUndefined();
      const written = await store.appendToStream('journey', events(1), { expectedRevision: 'no_stream' });
      await client.appendToStream('$scavenges', Array.from({ length: 150 }, systemEvent));
      expect(await store.headPosition()).toBe(written.globalPosition);
    } finally {
      await store.close();
    }
  });
});

describe('EventStoreDB adapter: a stream read left early (review s13 L4)', () => {
  it('cancels the server read, for a stream as for $all', async () => {
    const client = new InProcessEsdbClient();
    const store = new EventStoreDbEventStore(client);
    try {
      await store.appendToStream('journey', events(5), { expectedRevision: 'no_stream' });
      for await (const event of store.readStream('journey')) if (event.revision === 1n) break;
      expect(client.cancelledReads).toBe(1);
      // The client's stream is destroyed by then: the read of $all cancels its call all the same.
      for await (const event of store.readAll()) if (event.revision === 1n) break;
      expect(client.cancelledReads).toBe(2);
    } finally {
      await store.close();
    }
  });
});

describe('EventStoreDB adapter: event ids the server keeps as UUIDs (review s13 L2)', () => {
  it('refuses an id that is not a lower-case UUID, naming the field, and sends nothing', async () => {
    const client = new InProcessEsdbClient();
    const store = new EventStoreDbEventStore(client);
    try {
      const [event] = events(1);
      for (const id of ['not-a-uuid', event.id.toUpperCase()])
        await expect(
          store.appendToStream('journey', [{ ...event, id }], { expectedRevision: 'any' }),
        ).rejects.toThrow(/events\[0\]\.id must be a lower-case UUID on EventStoreDB \(stream journey\)/);
      expect(client.calls.appendToStream).toBe(0);
    } finally {
      await store.close();
    }
  });
});

describe('EventStoreDB adapter: a filtered read of $all (review s13 M5)', () => {
  it('is filtered by the server: only the matching events cross to the client, in order, up to maxCount', async () => {
    const client = new InProcessEsdbClient();
    const store = new EventStoreDbEventStore(client);
    try {
      const start = await store.headPosition();
      const mine: string[] = [];
      for (let n = 0; n < 5; n++) {
        await store.appendToStream(`journey-${n}`, events(40), { expectedRevision: 'no_stream' });
        const [entry] = events(1);
        mine.push(entry.id);
        await store.appendToStream('access-log-1', [entry], { expectedRevision: 'any' });
      }
      client.sentFromAll = 0;
      const read = await collect(
        store.readAll({ fromPosition: start, filter: { streamPrefixes: ['access-log-'] } }),
      );
      expect(read.map((e) => e.id)).toEqual(mine);
      expect(client.sentFromAll).toBe(5);
      const typed = await collect(
        store.readAll({
          fromPosition: read[1].globalPosition,
          maxCount: 2,
          filter: { eventTypes: ['Tested'], streamPrefixes: ['access-log-'] },
        }),
      );
      expect(typed.map((e) => e.id)).toEqual(mine.slice(2, 4));
    } finally {
      await store.close();
    }
  });
});

describe('EventStoreDB adapter: an append to a deleted stream (review s13 L5)', () => {
  it('is refused as a deleted stream, not as a missing one', async () => {
    const client = new InProcessEsdbClient();
    const store = new EventStoreDbEventStore(client);
    try {
      jest
        .spyOn(client, 'appendToStream')
        .mockRejectedValueOnce(StreamDeletedError.fromStreamName('journey'));
      const refused = await store
        .appendToStream('journey', events(1), { expectedRevision: 'no_stream' })
        .catch((e) => e);
      expect(refused).not.toBeInstanceOf(StreamNotFound);
      expect(String(refused)).toMatch(/Stream journey was deleted on EventStoreDB/);
    } finally {
      await store.close();
    }
  });
});
