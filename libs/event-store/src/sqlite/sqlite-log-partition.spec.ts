import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';
import { partitionOf, readLogPartition, STREAM_EVENTS_SQL } from './sqlite-log-partition';

const metadata = { recordedAt: '2025-01-01T00:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 };

/** 12 streams of 5 events, appended round-robin so every stream's events interleave in the log. */
async function appendInterleavedStreams(store: SqliteEventStore): Promise<void> {
  for (let revision = 0; revision < 5; revision++)
    for (let stream = 0; stream < 12; stream++)
      await store.appendToStream(
        `child-${stream}`,
        [{ id: `e-${stream}-${revision}`, type: 'Noted', data: { stream, revision }, metadata }],
        { expectedRevision: revision === 0 ? 'no_stream' : BigInt(revision - 1) },
      );
}

describe('log partitions', () => {
  let dir: string;
  let store: SqliteEventStore;
  let log: RecordedEvent[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cj-log-partition-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db') });
    await appendInterleavedStreams(store);
    await store.appendToStream(
      'not-a-journey',
      [
        {
          id: 'other-1',
          type: 'Noted',
          data: {},
          metadata: { recordedAt: '2025-01-01T00:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 },
        },
      ],
      {
        expectedRevision: 'any',
      },
    );
    log = [];
    for await (const event of store.readAll()) log.push(event);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const read = (
    partition: number,
    partitions: number,
    pageSize: number,
    after = -1n,
    order: 'log' | 'stream' = 'log',
  ): RecordedEvent[] =>
    [
      ...readLogPartition(
        { file: store.file, partition, partitions, after, upTo: log[log.length - 1].globalPosition, order },
        pageSize,
      ),
    ].flat();

  /** The log's events stream by stream: streams in the order of their first event, each in log order. */
  const byStream = (events: readonly RecordedEvent[]): RecordedEvent[] => {
    const first = new Map<string, bigint>();
    for (const event of events)
      if (!first.has(event.streamId)) first.set(event.streamId, event.globalPosition);
    const firstOf = (event: RecordedEvent): bigint => first.get(event.streamId) as bigint;
    return [...events].sort((a, b) => Number(firstOf(a) - firstOf(b) || a.globalPosition - b.globalPosition));
  };

  it('hashes a stream id to the same partition every time, within range', () => {
    const ids = log.map((event) => event.streamId);
    for (const partitions of [1, 2, 3, 7])
      for (const id of ids) {
        const partition = partitionOf(id, partitions);
        expect(partition).toBe(partitionOf(id, partitions));
        expect(partition).toBeGreaterThanOrEqual(0);
        expect(partition).toBeLessThan(partitions);
      }
    // Both partitions of two get streams (else the split would not split this cohort).
    expect(new Set(ids.map((id) => partitionOf(id, 2))).size).toBe(2);
  });

  it.each([1, 5, 1000])(
    'gives each partition its streams in log order, as readAll does (page %i)',
    (size) => {
      for (const partitions of [1, 2, 3]) {
        const parts = Array.from({ length: partitions }, (_, partition) => read(partition, partitions, size));
        for (const [partition, events] of parts.entries())
          expect(events).toEqual(
            log.filter((event) => partitionOf(event.streamId, partitions) === partition),
          );
        expect(parts.flat()).toHaveLength(log.length);
      }
    },
  );

  it('reads only within (after, upTo]', () => {
    const after = log[9].globalPosition;
    const upTo = log[29].globalPosition;
    const events = [0, 1].flatMap((partition) => [
      ...readLogPartition({ file: store.file, partition, partitions: 2, after, upTo }, 4),
    ]);
    expect(
      events
        .flat()
        .map((event) => event.globalPosition)
        .sort((a, b) => Number(a - b)),
    ).toEqual(log.slice(10, 30).map((event) => event.globalPosition));
  });

  it.each([1, 4, 5, 1000])(
    'read stream by stream, gives each partition its streams whole, one after another, in log order within each (page %i)',
    (size) => {
      for (const partitions of [1, 2, 3]) {
        const parts = Array.from({ length: partitions }, (_, partition) =>
          read(partition, partitions, size, -1n, 'stream'),
        );
        for (const [partition, events] of parts.entries())
          expect(events).toEqual(
            byStream(log.filter((event) => partitionOf(event.streamId, partitions) === partition)),
          );
        expect(parts.flat()).toHaveLength(log.length);
      }
    },
  );

  it('read stream by stream, reads only within (after, upTo]', () => {
    const after = log[9].globalPosition;
    const upTo = log[29].globalPosition;
    const events = [0, 1].flatMap((partition) => [
      ...readLogPartition({ file: store.file, partition, partitions: 2, after, upTo, order: 'stream' }, 3),
    ]);
    expect(events.flat()).toEqual(
      [0, 1].flatMap((partition) =>
        byStream(log.slice(10, 30).filter((event) => partitionOf(event.streamId, 2) === partition)),
      ),
    );
  });
});

describe('reading one stream of a partition', () => {
  it('looks its stream up by rowid and searches the (stream_id, revision) index: no scan, no sort', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cj-log-partition-plan-'));
    const file = join(dir, 'events.db');
    await new SqliteEventStore({ file }).close();
    const db = new Database(file, { readonly: true });
    try {
      const plan = (
        db.prepare(`EXPLAIN QUERY PLAN ${STREAM_EVENTS_SQL}`).all(1n, 0n, 10n) as { detail: string }[]
      )
        .map((step) => step.detail)
        .join('\n');
      expect(plan).toMatch(/SEARCH events USING INDEX events_stream_revision \(stream_id=\?\)/);
      expect(plan).toMatch(/SEARCH events USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(plan).not.toMatch(/SCAN|TEMP B-TREE/);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
