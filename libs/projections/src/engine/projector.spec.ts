/**
 * The projector's failure path against stop() and restart() (review F5): a failed batch stops the
 * subscription, which can take a while (EventStoreDB's unsubscribe is a network call); a stop or a
 * restart made meanwhile must not be undone when that stop completes. A stub event store whose
 * subscriptions stop only when the spec says so, and a stub read model whose batches fail.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore, RecordedEvent, SubscriptionHandlers } from '@care-journey/event-store';
import { GenerationChanged, type ReadModelStore } from './read-model-store';
import { Projector } from './projector';

interface StubSubscription {
  handlers: SubscriptionHandlers;
  stopped: boolean;
  /** Lets the pending stop() of this subscription resolve. */
  finishStop: () => void;
}

function slowStoppingStore(): { store: EventStore; subscriptions: StubSubscription[] } {
  const subscriptions: StubSubscription[] = [];
  const store = {
    subscribeToAll: (_options: unknown, handlers: SubscriptionHandlers) => {
      let finishStop = (): void => undefined;
      const stopping = new Promise<void>((resolve) => (finishStop = resolve));
      const subscription: StubSubscription = { handlers, stopped: false, finishStop: () => finishStop() };
      subscriptions.push(subscription);
      return {
        stop: async () => {
          await stopping;
          subscription.stopped = true;
        },
      };
    },
    readStream: () => (async function* () {})(),
  } as unknown as EventStore;
  return { store, subscriptions };
}

/** A read model whose batches fail with `error` (its checkpoint never moves). */
function failingReadModels(error: () => Error): ReadModelStore {
  return {
    currentGeneration: () => 1,
    checkpoint: () => undefined,
    logTie: () => ({ generation: 1 }),
    streamsNeeded: () => [],
    applyBatch: () => {
      throw error();
    },
  } as unknown as ReadModelStore;
}

const event: RecordedEvent = {
  id: 'e1',
  type: 'ChildRegistered',
  data: {},
  metadata: { recordedAt: '2026-01-01T00:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 },
  streamId: 'journey-c1',
  revision: 0n,
  globalPosition: 1n,
};

/** Delivers an event as the real subscriptions do: a handler that throws stops it via onError. */
function deliver(subscription: StubSubscription): void {
  void Promise.resolve(subscription.handlers.onEvent(event)).catch((error: unknown) =>
    subscription.handlers.onError?.(error),
  );
}

/** Until the projector has subscribed, or a number of turns of the loop have passed. */
async function turns(count = 20): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('projector: a failing batch while stop() or restart() runs', () => {
  it('Given a batch failed and its subscription is still stopping, When stop() is called, Then the projector stays stopped and never restarts', async () => {
    const { store, subscriptions } = slowStoppingStore();
    const projector = new Projector(
      store,
      failingReadModels(() => new Error('disk I/O error')),
      {
        batchSize: 1,
        restartDelayMs: 1,
      },
    );
    projector.start();
    await projector.whenStarted();
    expect(subscriptions).toHaveLength(1);

    deliver(subscriptions[0]);
    await turns(); // the batch failed; fail() waits for the subscription to stop
    const stopped = projector.stop();
    subscriptions[0].finishStop();
    await stopped;
    await sleep(30); // well past the 1 ms restart delay a failure would arm

    expect(projector.state).toBe('stopped');
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0].stopped).toBe(true);
  });

  it('Given a batch failed on a generation switch and its subscription is still stopping, When restart() is called, Then exactly one subscription runs afterwards', async () => {
    const { store, subscriptions } = slowStoppingStore();
    let first = true;
    const projector = new Projector(
      store,
      failingReadModels(() => {
        if (!first) return new Error('not again');
        first = false;
        return new GenerationChanged(1, 2);
      }),
      { batchSize: 1, restartDelayMs: 1, autoRestart: false },
    );
    projector.start();
    await projector.whenStarted();

    deliver(subscriptions[0]);
    await turns();
    const restarted = projector.restart();
    subscriptions[0].finishStop();
    await restarted;
    await projector.whenStarted();
    await turns();

    expect(projector.state).toBe('running');
    const running = subscriptions.filter((s) => !s.stopped);
    expect(running).toHaveLength(1);
    expect(subscriptions).toHaveLength(2);

    // The one left is the projector's own: stop() stops it.
    running[0].finishStop();
    await projector.stop();
    expect(subscriptions.every((s) => s.stopped)).toBe(true);
  });
});
