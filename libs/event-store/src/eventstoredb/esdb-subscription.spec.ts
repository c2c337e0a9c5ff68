import { randomUUID } from 'node:crypto';
import { AccessDeniedError, CancelledError, type Position } from '@eventstore/db-client';
import { StoreUnavailable } from '../errors';
import type { NewEvent, RecordedEvent, SubscriptionHandlers } from '../event-store.port';
import { EventStoreDbEventStore } from './esdb-event-store';
import {
  InProcessEsdbClient,
  type InProcessEsdbClientOptions,
} from './testing/in-process-esdb-client.spec-helper';

function events(count: number): NewEvent[] {
  return Array.from({ length: count }, (_, n) => ({
    id: randomUUID(),
    type: 'Tested',
    data: { n },
    metadata: { recordedAt: '2024-05-01T09:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 },
  }));
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const settle = (ms = 50): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('EventStoreDB adapter: the catch-up subscription when its stream fails', () => {
  let client: InProcessEsdbClient;
  let store: EventStoreDbEventStore;

  function open(options: InProcessEsdbClientOptions = {}): void {
    client = new InProcessEsdbClient(undefined, options);
    store = new EventStoreDbEventStore(client, { initialDelayMs: 5, maxDelayMs: 20 });
  }

  afterEach(() => store.close());

  async function append(stream: string, count: number): Promise<void> {
    for (let done = 0; done < count; done += 250) {
      await store.appendToStream(stream, events(Math.min(250, count - done)), { expectedRevision: 'any' });
    }
  }

  function subscribe(prefix: string, handlers: Partial<SubscriptionHandlers> = {}): RecordedEvent[] {
    const received: RecordedEvent[] = [];
    store.subscribeToAll(
      { filter: { streamPrefixes: [prefix] } },
      {
        onEvent: async (event) => {
          await handlers.onEvent?.(event);
          received.push(event);
        },
        onCaughtUp: handlers.onCaughtUp,
        onRetry: handlers.onRetry,
        onError: handlers.onError,
      },
    );
    return received;
  }

  it('never delivers an event twice when the server resends the resume position after a drop', async () => {
    // Given a server that resends the event at the position a subscription resumes from
    open({ resendResumePosition: true });
    await append('a-1', 3);
    const received = subscribe('a-');
    await waitUntil(() => received.length === 3, 'three events');
    // When the connection drops and the subscription resumes
    client.dropSubscriptions();
    await waitUntil(() => client.calls.subscribeToAll === 2, 'the resubscription');
    await append('a-1', 1);
    await waitUntil(() => received.length >= 4, 'the next event');
    await settle();
    // Then each event arrived once
    expect(received.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
  });

  it('reports a server shutdown to onRetry as StoreUnavailable, and resubscribes from the last event handled', async () => {
    open();
    await append('a-1', 2);
    const retries: unknown[] = [];
    const received = subscribe('a-', { onRetry: (error) => retries.push(error) });
    await waitUntil(() => received.length === 2, 'two events');
    client.dropSubscriptions(new CancelledError(undefined, 'server shutting down'));
    await waitUntil(() => client.calls.subscribeToAll === 2, 'the resubscription');
    expect(retries).toHaveLength(1);
    expect(retries[0]).toBeInstanceOf(StoreUnavailable);
    expect(client.subscribedFrom[1]).toEqual({
      commit: received[1].globalPosition,
      prepare: received[1].globalPosition,
    });
  });

  it('stops with onError, never retrying, when the server denies the user reads of $all (review s13 L6)', async () => {
    open();
    await append('a-1', 1);
    const retries: unknown[] = [];
    const errors: unknown[] = [];
    const received = subscribe('a-', { onRetry: (e) => retries.push(e), onError: (e) => errors.push(e) });
    await waitUntil(() => received.length === 1, 'the event');
    client.dropSubscriptions(new AccessDeniedError(undefined, 'Access denied'));
    await waitUntil(() => errors.length === 1, 'onError');
    await settle(100);
    expect(errors[0]).toBeInstanceOf(AccessDeniedError);
    expect(retries).toEqual([]);
    expect(client.calls.subscribeToAll).toBe(1);
  });

  it('resumes a filtered subscription from the server’s checkpoint, past the events its filter skipped', async () => {
    open();
    await append('a-1', 1);
    await append('b-1', 100); // skipped by the filter: the server reports checkpoints while scanning them
    let caughtUpAt: bigint | undefined;
    const received = subscribe('a-', { onCaughtUp: (position) => (caughtUpAt = position) });
    await waitUntil(() => caughtUpAt !== undefined, 'onCaughtUp');
    const skipped = client.log.events.filter((e) => e.streamId === 'b-1');
    // 102 events scanned ($settings, a-1's one, b-1's hundred); the stub checkpoints every 32, the
    // last at the 96th: b-1's 94th. Caught up, the subscription reports it as its position.
    expect(caughtUpAt).toBe(skipped[93].position.commit);
    client.dropSubscriptions();
    await waitUntil(() => client.calls.subscribeToAll === 2, 'the resubscription');
    const resumedAt = client.subscribedFrom[1] as Position;
    expect(resumedAt.commit).toBe(caughtUpAt);
    expect(received).toHaveLength(1);
  });

  it('holds a checkpoint behind events still in the client’s buffer, so none is dropped as handled', async () => {
    open();
    // Every event passes the filter: checkpoints arrive while the stream is paused with events buffered.
    await append('a-1', 1_200);
    const received = subscribe('a-', { onEvent: () => new Promise((resolve) => setImmediate(resolve)) });
    await waitUntil(() => received.length >= 1_200, 'every event', 20_000);
    await settle();
    expect(received).toHaveLength(1_200);
    expect(received.every((e, i) => e.revision === BigInt(i))).toBe(true);
  });

  it('pauses the server stream while its queue is full, so a burst is not all held in memory', async () => {
    open();
    await append('a-1', 2_000);
    let emitted = 0;
    let ahead = 0;
    const subscribeToAll = client.subscribeToAll.bind(client);
    jest.spyOn(client, 'subscribeToAll').mockImplementation((options) => {
      const subscription = subscribeToAll(options);
      subscription.on('data', () => (emitted += 1));
      return subscription;
    });
    const received = subscribe('a-', {
      onEvent: async () => {
        ahead = Math.max(ahead, emitted - received.length);
        await new Promise((resolve) => setImmediate(resolve));
      },
    });
    await waitUntil(() => received.length >= 2_000, 'every event', 20_000);
    // The queue pauses at 512 items; the client's own buffer holds a few more.
    expect(ahead).toBeLessThanOrEqual(600);
    expect(ahead).toBeGreaterThan(100);
  });
});
