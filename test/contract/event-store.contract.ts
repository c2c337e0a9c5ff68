import {
  DuplicateEventIds,
  InvalidPosition,
  recordedEventFromJson,
  recordedEventToJson,
  StreamNotFound,
  WrongExpectedRevision,
  type EventStore,
  type ExpectedRevision,
  type RecordedEvent,
  type Subscription,
} from '@care-journey/event-store';
import { collect, ids, newEvent, newEvents, readPrefix, uniquePrefix, waitUntil } from './support/events';

/** One test's view of a store: `open()` gives a further client on the same data. */
export interface StoreFixture {
  open(): Promise<EventStore>;
  dispose(): Promise<void>;
  /**
   * Fault switch: the live subscriptions of the stores opened lose their source once (a dropped
   * connection, a server shutting down, a failed read of the log). Tests needing it are skipped
   * where a target cannot make the fault (a real server).
   */
  interruptSubscriptions?(): void;
}

export interface ContractTarget {
  /** Once per suite, e.g. start a container. */
  beforeAll?(): Promise<void>;
  afterAll?(): Promise<void>;
  fixture(): Promise<StoreFixture>;
  timeoutMs?: number;
  /**
   * Whether `onlyIf` is checked in the append's own transaction (SQLite), so two writers each
   * conditioned on the other's stream cannot both win. False for EventStoreDB (no transaction
   * across streams: checked just before the append).
   */
  onlyIfAtomic?: boolean;
  /** Whether its fixtures have the fault switch (StoreFixture.interruptSubscriptions). */
  interrupts?: boolean;
  /**
   * Whether only positions it handed out are places to read from (EventStoreDB: byte offsets; any
   * other number is refused with InvalidPosition). False for SQLite: its positions are dense (a rowid
   * never deleted), so a read or a subscription from any number delivers what follows.
   */
  refusesUnknownPositions?: boolean;
}

async function expectWrongRevision(
  attempt: Promise<unknown>,
  expected: string,
  actual: bigint | 'no_stream',
): Promise<void> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevision);
  expect(error).toMatchObject({ expected, actual });
}

/**
 * The behaviour every EventStore adapter must show. Tests use unique stream prefixes and start
 * reads at the head they found, so they also hold on a shared, non-empty EventStoreDB.
 */
export function eventStoreContract(name: string, target: ContractTarget): void {
  describe(`${name} event store contract`, () => {
    let fixture: StoreFixture;
    let store: EventStore;
    let prefix: string;
    let start: bigint | undefined;
    const subscriptions: Subscription[] = [];

    if (target.timeoutMs) jest.setTimeout(target.timeoutMs);
    // Starting a container can take minutes the first time (image pull).
    if (target.beforeAll) beforeAll(() => target.beforeAll?.(), 300_000);
    if (target.afterAll) afterAll(() => target.afterAll?.());

    beforeEach(async () => {
      fixture = await target.fixture();
      store = await fixture.open();
      prefix = uniquePrefix('c');
      start = await store.headPosition();
    });

    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
      await fixture.dispose();
    });

    describe('appending and reading a stream', () => {
      it('keeps events in append order with revisions from 0 and increasing global positions', async () => {
        const stream = `${prefix}order`;
        const first = await store.appendToStream(stream, newEvents(2), { expectedRevision: 'no_stream' });
        const second = await store.appendToStream(stream, newEvents(3), {
          expectedRevision: first.nextExpectedRevision,
        });
        expect(first.nextExpectedRevision).toBe(1n);
        expect(second.nextExpectedRevision).toBe(4n);
        const events = await collect(store.readStream(stream));
        expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
        expect(events.map((e) => e.data.n)).toEqual([0, 1, 0, 1, 2]);
        for (let i = 1; i < events.length; i++)
          expect(events[i].globalPosition).toBeGreaterThan(events[i - 1].globalPosition);
        expect(events[4].globalPosition).toBe(second.globalPosition);
      });

      it('stores id, type, data and metadata verbatim', async () => {
        const stream = `${prefix}verbatim`;
        const event = newEvent('ChildEnteredCare', {
          childId: 'c-1',
          nested: { list: [1, 'two', null] },
          text: 'é ✓',
        });
        event.metadata = { ...event.metadata, correlationId: 'corr-1', hash: 'abc' };
        await store.appendToStream(stream, [event], { expectedRevision: 'any' });
        const [read] = await collect(store.readStream(stream));
        expect(read).toMatchObject({
          id: event.id,
          type: event.type,
          data: event.data,
          metadata: event.metadata,
          streamId: stream,
          revision: 0n,
        });
      });

      it('appends a multi-event batch atomically: contiguous in the log, or not at all', async () => {
        const stream = `${prefix}atomic`;
        await store.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
        const batch = newEvents(5);
        const result = await store.appendToStream(stream, batch, { expectedRevision: 0n });
        const all = await readPrefix(store, prefix, start);
        expect(ids(all.slice(1))).toEqual(ids(batch));
        expect(all[5].globalPosition).toBe(result.globalPosition);
        await expect(
          store.appendToStream(stream, newEvents(3), { expectedRevision: 0n }),
        ).rejects.toBeInstanceOf(WrongExpectedRevision);
        expect(await collect(store.readStream(stream))).toHaveLength(6);
      });

      it('refuses data that is not JSON-serialisable (a bigint) with an error, and writes nothing', async () => {
        const stream = `${prefix}not-json`;
        const [event] = newEvents(1);
        event.data = { amount: 12n };
        const attempt = store.appendToStream(stream, [event], { expectedRevision: 'any' });
        // The real ESDB client never settles such an append: the adapter must refuse it first.
        const outcome = await Promise.race([
          attempt.then(
            () => 'written',
            (error: unknown) => error,
          ),
          new Promise((resolve) => setTimeout(() => resolve('never settled'), 2_000)),
        ]);
        expect(outcome).toBeInstanceOf(TypeError);
        await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(StreamNotFound);
      });

      it('refuses an empty batch and changes nothing', async () => {
        const stream = `${prefix}empty-batch`;
        await expect(store.appendToStream(stream, [], { expectedRevision: 'any' })).rejects.toThrow(
          /events must be a non-empty array/,
        );
        await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(StreamNotFound);
      });
    });

    describe('expected revision', () => {
      it("'no_stream' succeeds on a new stream and fails with the actual revision on an existing one", async () => {
        const stream = `${prefix}ns`;
        await store.appendToStream(stream, newEvents(2), { expectedRevision: 'no_stream' });
        await expectWrongRevision(
          store.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' }),
          'no_stream',
          1n,
        );
      });

      it("'stream_exists' fails on a missing stream (actual 'no_stream') and succeeds on an existing one", async () => {
        const stream = `${prefix}se`;
        await expectWrongRevision(
          store.appendToStream(stream, newEvents(1), { expectedRevision: 'stream_exists' }),
          'stream_exists',
          'no_stream',
        );
        await store.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
        const result = await store.appendToStream(stream, newEvents(1), {
          expectedRevision: 'stream_exists',
        });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it("'any' appends whatever the stream's state", async () => {
        const stream = `${prefix}any`;
        expect(
          (await store.appendToStream(stream, newEvents(1), { expectedRevision: 'any' }))
            .nextExpectedRevision,
        ).toBe(0n);
        expect(
          (await store.appendToStream(stream, newEvents(2), { expectedRevision: 'any' }))
            .nextExpectedRevision,
        ).toBe(2n);
      });

      it('an exact revision succeeds when it matches and otherwise reports expected and actual', async () => {
        const stream = `${prefix}exact`;
        await expectWrongRevision(
          store.appendToStream(stream, newEvents(1), { expectedRevision: 0n }),
          '0',
          'no_stream',
        );
        await store.appendToStream(stream, newEvents(2), { expectedRevision: 'no_stream' });
        await expectWrongRevision(
          store.appendToStream(stream, newEvents(1), { expectedRevision: 0n }),
          '0',
          1n,
        );
        await expectWrongRevision(
          store.appendToStream(stream, newEvents(1), { expectedRevision: 5n }),
          '5',
          1n,
        );
        expect(
          (await store.appendToStream(stream, newEvents(1), { expectedRevision: 1n })).nextExpectedRevision,
        ).toBe(2n);
      });
    });

    describe('a condition on another stream (onlyIf)', () => {
      it('appends while the other stream is at the revision given; otherwise writes nothing and names that stream', async () => {
        const stream = `${prefix}oi-main`;
        const other = `${prefix}oi-other`;
        await store.appendToStream(other, newEvents(1), { expectedRevision: 'no_stream' });
        await store.appendToStream(stream, newEvents(1), {
          expectedRevision: 'no_stream',
          onlyIf: { stream: other, revision: 0n },
        });
        await store.appendToStream(other, newEvents(1), { expectedRevision: 0n });
        const refused = store.appendToStream(stream, newEvents(1), {
          expectedRevision: 0n,
          onlyIf: { stream: other, revision: 0n },
        });
        await expectWrongRevision(refused, '0', 1n);
        await expect(refused).rejects.toMatchObject({ stream: other });
        expect(await collect(store.readStream(stream))).toHaveLength(1);
      });

      it("'no_stream' holds until the other stream is written", async () => {
        const stream = `${prefix}oi-ns`;
        const other = `${prefix}oi-ns-other`;
        const onlyIf = { stream: other, revision: 'no_stream' as const };
        await store.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream', onlyIf });
        await store.appendToStream(other, newEvents(1), { expectedRevision: 'no_stream' });
        await expectWrongRevision(
          store.appendToStream(stream, newEvents(1), { expectedRevision: 0n, onlyIf }),
          'no_stream',
          0n,
        );
      });

      it('answers an exact retry of an append that succeeded with its result, though the other stream has moved since', async () => {
        const stream = `${prefix}oi-retry`;
        const other = `${prefix}oi-retry-other`;
        await store.appendToStream(other, newEvents(1), { expectedRevision: 'no_stream' });
        const batch = newEvents(1);
        const options = { expectedRevision: 'no_stream' as const, onlyIf: { stream: other, revision: 0n } };
        const first = await store.appendToStream(stream, batch, options);
        await store.appendToStream(other, newEvents(1), { expectedRevision: 0n });
        expect(await store.appendToStream(stream, batch, options)).toEqual(first);
      });

      it('refuses a condition on the stream appended to, or a malformed revision, and writes nothing', async () => {
        const stream = `${prefix}oi-bad`;
        await expect(
          store.appendToStream(stream, newEvents(1), {
            expectedRevision: 'no_stream',
            onlyIf: { stream, revision: 'no_stream' },
          }),
        ).rejects.toThrow(/onlyIf\.stream/);
        await expect(
          store.appendToStream(stream, newEvents(1), {
            expectedRevision: 'no_stream',
            onlyIf: { stream: `${stream}-other`, revision: -1n },
          }),
        ).rejects.toThrow(/onlyIf\.revision/);
        await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(StreamNotFound);
      });

      (target.onlyIfAtomic === false ? it.skip : it)(
        'lets one of two writers win when each writes only while the other has not (two connections, at once)' +
          (target.onlyIfAtomic === false
            ? ' (skipped on this adapter: its onlyIf is checked just before the append, not in one transaction; AppendOptions.onlyIf of the port, apps/api/README.md)'
            : ''),
        async () => {
          const second = await fixture.open();
          const a = `${prefix}oi-a`;
          const b = `${prefix}oi-b`;
          for (let round = 0; round < 10; round++) {
            const outcomes = await Promise.allSettled([
              store.appendToStream(`${a}${round}`, newEvents(1), {
                expectedRevision: 'no_stream',
                onlyIf: { stream: `${b}${round}`, revision: 'no_stream' },
              }),
              second.appendToStream(`${b}${round}`, newEvents(1), {
                expectedRevision: 'no_stream',
                onlyIf: { stream: `${a}${round}`, revision: 'no_stream' },
              }),
            ]);
            expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
          }
        },
      );
    });

    describe('idempotent retry', () => {
      it.each<[string, ExpectedRevision]>([
        ['an exact revision', 0n],
        ["'no_stream'", 'no_stream'],
      ])('returns the original result for the same ids appended again with %s', async (_label, expected) => {
        const stream = `${prefix}retry`;
        if (expected !== 'no_stream')
          await store.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
        const batch = newEvents(3);
        const original = await store.appendToStream(stream, batch, { expectedRevision: expected });
        const retried = await store.appendToStream(stream, batch, { expectedRevision: expected });
        expect(retried).toEqual(original);
        const events = await collect(store.readStream(stream));
        expect(ids(events).filter((id) => ids(batch).includes(id))).toEqual(ids(batch));
      });

      it("recognises a retry with 'any' from the stream itself, and writes nothing", async () => {
        const stream = `${prefix}retry-any`;
        await store.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
        const batch = newEvents(2);
        const original = await store.appendToStream(stream, batch, { expectedRevision: 'any' });
        await store.appendToStream(stream, newEvents(1), { expectedRevision: 'any' });
        expect(await store.appendToStream(stream, batch, { expectedRevision: 'any' })).toEqual(original);
        expect(await collect(store.readStream(stream))).toHaveLength(4);
      });
    });

    // The port's promise that four callers rely on (a clash, like WrongExpectedRevision): an id is
    // unique within its stream. EventStoreDB on its own writes repeated ids wherever the revision
    // lets it write; the adapter must refuse them as SQLite's index does.
    describe('ids unique within a stream (DuplicateEventIds)', () => {
      async function expectDuplicate(attempt: Promise<unknown>, stream: string, duplicateIds: string[]) {
        const error = await attempt.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(DuplicateEventIds);
        expect(error).toMatchObject({ stream, duplicateIds });
      }

      it.each<[string, ExpectedRevision]>([
        ["'no_stream'", 'no_stream'],
        ['the exact revision', 0n],
        ["'any'", 'any'],
      ])('refuses a batch that repeats an id, with %s, and writes nothing', async (_label, expected) => {
        const stream = `${prefix}repeat`;
        if (expected !== 'no_stream')
          await store.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
        const [once, twice] = newEvents(2);
        await expectDuplicate(
          store.appendToStream(stream, [once, twice, once], { expectedRevision: expected }),
          stream,
          [once.id],
        );
        const stored = await collect(store.readStream(stream)).catch(() => []);
        expect(stored).toHaveLength(expected === 'no_stream' ? 0 : 1);
      });

      it.each<[string, ExpectedRevision]>([
        ['the exact revision it is at', 1n],
        ["'any'", 'any'],
        ["'stream_exists'", 'stream_exists'],
      ])(
        'refuses, at the stream’s own place (%s), a batch holding ids already stored there, and writes nothing',
        async (_label, expected) => {
          const stream = `${prefix}again`;
          const batch = newEvents(2);
          await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
          const [fresh] = newEvents(1);
          // Part of the earlier batch, with a new event: a partial retry.
          await expectDuplicate(
            store.appendToStream(stream, [batch[1], fresh], { expectedRevision: expected }),
            stream,
            [batch[1].id],
          );
          // A new event first, then an id already stored (ESDB looks at the first id only).
          await expectDuplicate(
            store.appendToStream(stream, [fresh, batch[0]], { expectedRevision: expected }),
            stream,
            [batch[0].id],
          );
          expect(ids(await collect(store.readStream(stream)))).toEqual(ids(batch));
        },
      );

      it('refuses the whole batch again at the stream’s current revision (another place than its own)', async () => {
        const stream = `${prefix}moved`;
        const batch = newEvents(2);
        await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        const error = await store.appendToStream(stream, batch, { expectedRevision: 1n }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(DuplicateEventIds);
        expect(String(error)).toMatch(/another revision/);
        expect(ids(await collect(store.readStream(stream)))).toEqual(ids(batch));
      });

      it.each<[string, ExpectedRevision]>([
        ["'no_stream'", 'no_stream'],
        ['the original exact revision', 0n],
      ])(
        'refuses a partial retry at the original place (%s): the stored part with a new event',
        async (_label, expected) => {
          const stream = `${prefix}partial`;
          if (expected !== 'no_stream')
            await store.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
          const batch = newEvents(2);
          await store.appendToStream(stream, batch, { expectedRevision: expected });
          const before = ids(await collect(store.readStream(stream)));
          await expectDuplicate(
            store.appendToStream(stream, [batch[0], ...newEvents(1)], { expectedRevision: expected }),
            stream,
            [batch[0].id],
          );
          expect(ids(await collect(store.readStream(stream)))).toEqual(before);
        },
      );
    });

    describe('ids in another stream', () => {
      // Ids are unique per stream, EventStoreDB's idempotency scope: its retry checks look in the
      // target stream only, so the same ids in another stream are new events there.
      it('appends the same ids to another stream as new events, and recognises a retry there', async () => {
        const first = `${prefix}ids-a`;
        const second = `${prefix}ids-b`;
        const batch = newEvents(3);
        const original = await store.appendToStream(first, batch, { expectedRevision: 'no_stream' });
        const copy = await store.appendToStream(second, batch, { expectedRevision: 'no_stream' });
        expect(copy.nextExpectedRevision).toBe(2n);
        expect(copy.globalPosition).toBeGreaterThan(original.globalPosition);
        expect(await store.appendToStream(second, batch, { expectedRevision: 'no_stream' })).toEqual(copy);
        expect(await store.appendToStream(first, batch, { expectedRevision: 'no_stream' })).toEqual(original);
        for (const stream of [first, second]) {
          const events = await collect(store.readStream(stream));
          expect(ids(events)).toEqual(ids(batch));
          expect(events.map((e) => e.streamId)).toEqual([stream, stream, stream]);
        }
        const log = await readPrefix(store, prefix, start);
        expect(log.map((e) => `${e.streamId}/${e.id}`)).toEqual([
          ...ids(batch).map((id) => `${first}/${id}`),
          ...ids(batch).map((id) => `${second}/${id}`),
        ]);
      });
    });

    describe('missing and existing streams', () => {
      it('throws StreamNotFound when a missing stream is iterated (not when the read is created)', async () => {
        const read = store.readStream(`${prefix}missing`);
        await expect(collect(read)).rejects.toBeInstanceOf(StreamNotFound);
        await expect(
          collect(store.readStream(`${prefix}missing`, { direction: 'backwards' })),
        ).rejects.toBeInstanceOf(StreamNotFound);
      });

      it('yields nothing when an existing stream is read past its end', async () => {
        const stream = `${prefix}past-end`;
        await store.appendToStream(stream, newEvents(2), { expectedRevision: 'no_stream' });
        expect(await collect(store.readStream(stream, { fromRevision: 2n }))).toEqual([]);
        expect(await collect(store.readStream(stream, { fromRevision: 100n }))).toEqual([]);
      });

      it('reads from a revision with a maximum count', async () => {
        const stream = `${prefix}window`;
        await store.appendToStream(stream, newEvents(6), { expectedRevision: 'no_stream' });
        const events = await collect(store.readStream(stream, { fromRevision: 2n, maxCount: 3 }));
        expect(events.map((e) => e.revision)).toEqual([2n, 3n, 4n]);
      });

      it('reads backwards from the end or from a revision', async () => {
        const stream = `${prefix}backwards`;
        await store.appendToStream(stream, newEvents(5), { expectedRevision: 'no_stream' });
        const all = await collect(store.readStream(stream, { direction: 'backwards' }));
        expect(all.map((e) => e.revision)).toEqual([4n, 3n, 2n, 1n, 0n]);
        const some = await collect(
          store.readStream(stream, { direction: 'backwards', fromRevision: 3n, maxCount: 2 }),
        );
        expect(some.map((e) => e.revision)).toEqual([3n, 2n]);
        const last = await collect(store.readStream(stream, { direction: 'backwards', maxCount: 1 }));
        expect(last.map((e) => e.revision)).toEqual([4n]);
      });
    });

    describe('reading the whole log', () => {
      it('reads in global order across streams, from an exclusive position, with a maximum count', async () => {
        const a = `${prefix}a`;
        const b = `${prefix}b`;
        await store.appendToStream(a, [newEvent('A', { n: 1 })], { expectedRevision: 'any' });
        await store.appendToStream(b, [newEvent('B', { n: 2 })], { expectedRevision: 'any' });
        await store.appendToStream(a, [newEvent('A', { n: 3 })], { expectedRevision: 'any' });
        const all = await readPrefix(store, prefix, start);
        expect(all.map((e) => e.data.n)).toEqual([1, 2, 3]);
        const after = await collect(
          store.readAll({ fromPosition: all[0].globalPosition, filter: { streamPrefixes: [prefix] } }),
        );
        expect(after.map((e) => e.data.n)).toEqual([2, 3]);
        const limited = await collect(
          store.readAll({ fromPosition: start, maxCount: 2, filter: { streamPrefixes: [prefix] } }),
        );
        expect(limited.map((e) => e.data.n)).toEqual([1, 2]);
        const unfiltered = await collect(store.readAll({ fromPosition: start }));
        expect(ids(unfiltered.filter((e) => e.streamId.startsWith(prefix)))).toEqual(ids(all));
      });

      it('filters by stream prefix and by event type', async () => {
        await store.appendToStream(`${prefix}child-1`, [newEvent('Placed', { n: 1 })], {
          expectedRevision: 'any',
        });
        await store.appendToStream(`${prefix}case-1`, [newEvent('Placed', { n: 2 })], {
          expectedRevision: 'any',
        });
        await store.appendToStream(`${prefix}child-2`, [newEvent('PlacedEnded', { n: 3 })], {
          expectedRevision: 'any',
        });
        await store.appendToStream(`${prefix}child-2`, [newEvent('Reviewed', { n: 4 })], {
          expectedRevision: 'any',
        });
        const children = await readPrefix(store, `${prefix}child-`, start);
        expect(children.map((e) => e.data.n)).toEqual([1, 3, 4]);
        const twoPrefixes = await collect(
          store.readAll({
            fromPosition: start,
            filter: { streamPrefixes: [`${prefix}case-`, `${prefix}child-1`] },
          }),
        );
        expect(twoPrefixes.map((e) => e.data.n)).toEqual([1, 2]);
        const placed = await collect(
          store.readAll({
            fromPosition: start,
            filter: { streamPrefixes: [prefix], eventTypes: ['Placed', 'Reviewed'] },
          }),
        );
        expect(placed.map((e) => e.data.n)).toEqual([1, 2, 4]);
        const typeOnly = await collect(
          store.readAll({ fromPosition: start, filter: { eventTypes: ['PlacedEnded'] } }),
        );
        expect(typeOnly.filter((e) => e.streamId.startsWith(prefix)).map((e) => e.data.n)).toEqual([3]);
      });

      it('answers the events at a position: the event stored there, or none where none is, never an error', async () => {
        const stream = `${prefix}at`;
        await store.appendToStream(stream, newEvents(2), { expectedRevision: 'no_stream' });
        const [first, second] = await readPrefix(store, prefix, start);
        expect(ids(await store.eventsAt(first.globalPosition))).toEqual([first.id]);
        expect(ids(await store.eventsAt(second.globalPosition))).toEqual([second.id]);
        // Past the head; on EventStoreDB also inside the last record, a start its server refuses.
        expect(await store.eventsAt(second.globalPosition + 1n)).toEqual([]);
      });

      it(
        target.refusesUnknownPositions
          ? 'refuses a read from a position it never handed out with InvalidPosition naming it'
          : 'reads what follows any position, handed out or not (positions are dense)',
        async () => {
          const stream = `${prefix}unknown-position`;
          await store.appendToStream(stream, newEvents(2), { expectedRevision: 'no_stream' });
          const [first, second] = await readPrefix(store, prefix, start);
          const from = first.globalPosition + 1n;
          const read = collect(store.readAll({ fromPosition: from, filter: { streamPrefixes: [prefix] } }));
          if (target.refusesUnknownPositions) {
            await expect(read).rejects.toBeInstanceOf(InvalidPosition);
            await expect(read).rejects.toMatchObject({ position: from });
          } else {
            expect(ids(await read)).toEqual(ids(from < second.globalPosition ? [second] : []));
          }
        },
      );

      it('reports the head position as the position of the last event', async () => {
        const result = await store.appendToStream(`${prefix}head`, newEvents(3), { expectedRevision: 'any' });
        expect(await store.headPosition()).toBe(result.globalPosition);
      });
    });

    describe('subscriptions', () => {
      function subscribe(
        from: bigint | undefined,
        received: RecordedEvent[],
        extra: {
          caughtUp?: () => void;
          error?: (e: unknown) => void;
          fail?: (e: RecordedEvent) => boolean;
          retry?: (error: unknown, attempt: number, delayMs: number) => void;
          slow?: boolean;
        } = {},
      ) {
        const subscription = store.subscribeToAll(
          { fromPosition: from, filter: { streamPrefixes: [prefix] } },
          {
            onEvent: async (event) => {
              if (extra.fail?.(event)) throw new Error(`handler refused ${event.id}`);
              if (extra.slow) await new Promise((resolve) => setImmediate(resolve));
              received.push(event);
            },
            onCaughtUp: () => extra.caughtUp?.(),
            onError: (error) => extra.error?.(error),
            onRetry: (error, attempt, delayMs) => extra.retry?.(error, attempt, delayMs),
          },
        );
        subscriptions.push(subscription);
        return subscription;
      }

      it('catches up, reports caught-up, then delivers live events in order', async () => {
        const stream = `${prefix}sub`;
        await store.appendToStream(stream, newEvents(3), { expectedRevision: 'no_stream' });
        const received: RecordedEvent[] = [];
        let caughtUpAt = -1;
        subscribe(start, received, {
          caughtUp: () => (caughtUpAt = caughtUpAt < 0 ? received.length : caughtUpAt),
        });
        await waitUntil(() => caughtUpAt >= 0, 'onCaughtUp');
        expect(caughtUpAt).toBe(3);
        const writer = await fixture.open();
        await writer.appendToStream(stream, newEvents(2), { expectedRevision: 2n });
        await store.appendToStream(`${prefix}other`, newEvents(1), { expectedRevision: 'no_stream' });
        await waitUntil(() => received.length === 6, 'live events');
        expect(received.map((e) => `${e.streamId}@${e.revision}`)).toEqual([
          `${stream}@0`,
          `${stream}@1`,
          `${stream}@2`,
          `${stream}@3`,
          `${stream}@4`,
          `${prefix}other@0`,
        ]);
      });

      it('resumes from a checkpoint without losing or repeating events', async () => {
        const stream = `${prefix}resume`;
        await store.appendToStream(stream, newEvents(4), { expectedRevision: 'no_stream' });
        const first: RecordedEvent[] = [];
        const subscription = subscribe(start, first);
        await waitUntil(() => first.length === 4, 'first four events');
        await subscription.stop();
        const checkpoint = first[3].globalPosition;
        await store.appendToStream(stream, newEvents(3), { expectedRevision: 3n });
        const second: RecordedEvent[] = [];
        subscribe(checkpoint, second);
        await waitUntil(() => second.length === 3, 'the three newer events');
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(second.map((e) => e.revision)).toEqual([4n, 5n, 6n]);
        expect(first.length).toBe(4); // stopped: nothing delivered after stop()
      });

      const faultIt = target.interrupts ? it : it.skip;
      const interrupt = (): void => {
        if (!fixture.interruptSubscriptions) throw new Error('this fixture has no fault switch');
        fixture.interruptSubscriptions();
      };

      faultIt(
        'rides out a lost source: goes on with no gap and no repeat, and reports the retry (onRetry)',
        async () => {
          const stream = `${prefix}drop`;
          await store.appendToStream(stream, newEvents(3), { expectedRevision: 'no_stream' });
          const received: RecordedEvent[] = [];
          const retries: { error: unknown; attempt: number; delayMs: number }[] = [];
          subscribe(start, received, {
            retry: (error, attempt, delayMs) => retries.push({ error, attempt, delayMs }),
          });
          await waitUntil(() => received.length === 3, 'the first three events');
          interrupt();
          await store.appendToStream(stream, newEvents(2), { expectedRevision: 2n });
          await waitUntil(() => received.length >= 5 && retries.length > 0, 'delivery after the fault');
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(received.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
          expect(retries[0]).toMatchObject({ attempt: 1 });
          expect(retries[0].delayMs).toBeGreaterThan(0);
          expect(retries[0].error).toBeInstanceOf(Error);
        },
      );

      faultIt(
        'after a lost source, goes on past the events its filter skipped, delivering each of its own once',
        async () => {
          const stream = `${prefix}skip`;
          const elsewhere = uniquePrefix('x');
          await store.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
          for (let n = 0; n < 4; n++)
            await store.appendToStream(`${elsewhere}${n}`, newEvents(25), { expectedRevision: 'no_stream' });
          const received: RecordedEvent[] = [];
          let caughtUp = 0;
          subscribe(start, received, { caughtUp: () => (caughtUp += 1) });
          await waitUntil(() => caughtUp > 0, 'onCaughtUp');
          interrupt();
          await store.appendToStream(stream, newEvents(1), { expectedRevision: 0n });
          await waitUntil(() => received.length >= 2, 'the event after the fault');
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(received.map((e) => `${e.streamId}@${e.revision}`)).toEqual([`${stream}@0`, `${stream}@1`]);
        },
      );

      it('delivers a burst far larger than any buffer complete and in order to a slow handler', async () => {
        const stream = `${prefix}burst`;
        const total = 1_500;
        for (let from = 0; from < total; from += 500)
          await store.appendToStream(stream, newEvents(500), {
            expectedRevision: from === 0 ? 'no_stream' : BigInt(from - 1),
          });
        const received: RecordedEvent[] = [];
        subscribe(start, received, { slow: true });
        await waitUntil(() => received.length >= total, 'the whole burst', 20_000);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(received).toHaveLength(total);
        expect(received.every((e, i) => e.revision === BigInt(i))).toBe(true);
      });

      it(
        target.refusesUnknownPositions
          ? 'stops a subscription from a position it never handed out with InvalidPosition (onError), never retrying it'
          : 'subscribes from any position, handed out or not, delivering what follows (no InvalidPosition on this' +
              ' adapter: positions are dense, every number up to the head is an event’s but for a range a restore' +
              ' leaves unused, which the replaced log handed out; docs/guarantees.md)',
        async () => {
          const stream = `${prefix}sub-unknown`;
          await store.appendToStream(stream, newEvents(2), { expectedRevision: 'no_stream' });
          const [first, second] = await readPrefix(store, prefix, start);
          const from = first.globalPosition + 1n;
          const received: RecordedEvent[] = [];
          const errors: unknown[] = [];
          const retries: unknown[] = [];
          let caughtUp = false;
          subscribe(from, received, {
            caughtUp: () => (caughtUp = true),
            error: (e) => errors.push(e),
            retry: (e) => retries.push(e),
          });
          if (target.refusesUnknownPositions) {
            await waitUntil(() => errors.length > 0, 'onError');
            await new Promise((resolve) => setTimeout(resolve, 100));
            expect(errors).toHaveLength(1);
            expect(errors[0]).toBeInstanceOf(InvalidPosition);
          } else {
            await waitUntil(() => caughtUp, 'onCaughtUp');
            const later = newEvents(1);
            await store.appendToStream(stream, later, { expectedRevision: 1n });
            const expected = [...(from < second.globalPosition ? [second.id] : []), later[0].id];
            await waitUntil(() => received.length >= expected.length, 'the events after the position');
            await new Promise((resolve) => setTimeout(resolve, 100));
            expect(ids(received)).toEqual(expected);
            expect(errors).toEqual([]);
          }
          expect(retries).toEqual([]);
        },
      );

      it('stops on a handler error, reports it, and never skips the failed event', async () => {
        const stream = `${prefix}fail`;
        const batch = newEvents(4);
        await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        const received: RecordedEvent[] = [];
        const errors: unknown[] = [];
        subscribe(start, received, { error: (e) => errors.push(e), fail: (e) => e.id === batch[2].id });
        await waitUntil(() => errors.length === 1, 'onError');
        expect(String(errors[0])).toContain(batch[2].id);
        await store.appendToStream(stream, newEvents(1), { expectedRevision: 3n });
        await new Promise((resolve) => setTimeout(resolve, 150));
        expect(ids(received)).toEqual(ids(batch.slice(0, 2)));
        // Restarting from the last handled position retries the failed event first.
        const again: RecordedEvent[] = [];
        subscribe(received[1].globalPosition, again);
        await waitUntil(() => again.length === 3, 'redelivery');
        expect(again[0].id).toBe(batch[2].id);
      });
    });

    describe('JSON', () => {
      it('round-trips a read event, bigints included, through JSON', async () => {
        const stream = `${prefix}json`;
        await store.appendToStream(stream, newEvents(2), { expectedRevision: 'no_stream' });
        const events = await collect(store.readStream(stream));
        const copies = events.map((e) =>
          recordedEventFromJson(JSON.parse(JSON.stringify(recordedEventToJson(e)))),
        );
        expect(copies).toEqual(events);
      });
    });

    describe('two writers', () => {
      it('with the same expected revision: exactly one wins, the other gets WrongExpectedRevision', async () => {
        const stream = `${prefix}race`;
        const other = await fixture.open();
        await store.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
        const winners: string[] = [];
        for (let round = 0n; round < 10n; round++) {
          const a = newEvent('Raced');
          const b = newEvent('Raced');
          const outcomes = await Promise.allSettled([
            store.appendToStream(stream, [a], { expectedRevision: round }),
            other.appendToStream(stream, [b], { expectedRevision: round }),
          ]);
          const won = outcomes.filter((o) => o.status === 'fulfilled');
          const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(1);
          expect(lost[0].reason).toBeInstanceOf(WrongExpectedRevision);
          expect(lost[0].reason).toMatchObject({ expected: String(round), actual: round + 1n });
          winners.push(outcomes[0].status === 'fulfilled' ? a.id : b.id);
        }
        const events = await collect(store.readStream(stream));
        expect(ids(events.slice(1))).toEqual(winners);
      });
    });
  });
}
