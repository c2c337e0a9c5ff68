import { EventEmitter } from 'node:events';
import type { Position } from '@eventstore/db-client';
import type { AllFilter, RecordedEvent } from '../event-store.port';
import { EsdbCatchUpSubscription } from './esdb-subscription';

/**
 * Review s18-es F1: a server checkpoint is not a delivered event. KurrentDB #4970 (fixed by #4990 in
 * 24.10 and #4991 in 25.0) sends, after an empty page at the end of the log, a checkpoint at the end
 * position with prepare 0: the next event appended gets that commit position. A fake server stream
 * lets each spec send exactly that sequence.
 */
class FakeServerStream extends EventEmitter {
  readableLength = 0;
  isPaused = (): boolean => false;
  pause = (): void => undefined;
  resume = (): void => undefined;
  unsubscribe = async (): Promise<void> => undefined;
}

interface SubscribeCall {
  fromPosition: unknown;
  filter: { checkpointReached?: (stream: unknown, position: Position) => Promise<void> | void };
}

function eventAt(position: bigint, revision: bigint) {
  return {
    event: {
      id: `00000000-0000-4000-8000-${position.toString().padStart(12, '0')}`,
      type: 'Tested',
      streamId: 'journey-1',
      revision,
      isJson: true,
      data: {},
      metadata: { recordedAt: '2024-01-01T00:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 },
      position: { commit: position, prepare: position },
    },
  };
}

const turn = (ms = 10): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function open(filter: AllFilter | undefined) {
  const calls: SubscribeCall[] = [];
  const streams: FakeServerStream[] = [];
  const client = {
    subscribeToAll: (options: SubscribeCall) => {
      calls.push(options);
      const stream = new FakeServerStream();
      streams.push(stream);
      return stream;
    },
  };
  const delivered: RecordedEvent[] = [];
  const subscription = new EsdbCatchUpSubscription(
    client as never,
    { filter },
    { onEvent: (event) => void delivered.push(event) },
    { initialDelayMs: 5, maxDelayMs: 20 },
    () => undefined,
  );
  const checkpoint = async (position: Position): Promise<void> => {
    const { checkpointReached } = calls[calls.length - 1].filter;
    if (!checkpointReached) throw new Error('the adapter asked for no checkpoints');
    await checkpointReached(streams[streams.length - 1], position);
  };
  const send = (position: bigint, revision: bigint): boolean =>
    streams[streams.length - 1].emit('data', eventAt(position, revision));
  return { calls, streams, delivered, subscription, checkpoint, send };
}

const journeys: AllFilter = { streamPrefixes: ['journey-'] };

/** A journeys subscription to which the server delivered the event at 100, then sent `checkpoint`. */
async function deliveredThenCheckpoint(checkpoint: Position): Promise<ReturnType<typeof open>> {
  const server = open(journeys);
  await turn();
  server.send(100n, 0n);
  await turn();
  await server.checkpoint(checkpoint);
  await turn();
  return server;
}

describe('EventStoreDB subscription: a server checkpoint never counts as a delivered event (review s18-es F1)', () => {
  it.each([
    {
      title:
        'Given the event at 100 delivered and the #4970 checkpoint at the end of the log (250, prepare 0), When the next event is appended at 250, Then it is delivered',
      checkpoint: { commit: 250n, prepare: 0n },
    },
    {
      title:
        'Given a checkpoint at the end of the log with prepare = commit, When an event arrives at that position, Then it is still delivered (only delivered events decide "already handled")',
      checkpoint: { commit: 250n, prepare: 250n },
    },
  ])('$title', async ({ checkpoint }) => {
    const server = await deliveredThenCheckpoint(checkpoint);
    server.send(250n, 1n);
    await turn(50);
    await server.subscription.stop();
    expect(server.delivered.map((event) => event.globalPosition)).toEqual([100n, 250n]);
  });

  it('Given the #4970 checkpoint after the event at 100, When the connection drops, Then the subscription resumes from 100, not from the checkpoint', async () => {
    const server = await deliveredThenCheckpoint({ commit: 250n, prepare: 0n });
    server.streams[0].emit('error', new Error('connection lost'));
    await turn(60);
    await server.subscription.stop();
    expect(server.calls.length).toBeGreaterThanOrEqual(2);
    expect(server.calls[1].fromPosition).toEqual({ commit: 100n, prepare: 100n });
  });

  it('Given a checkpoint that is an event position past the filtered-out events, When the connection drops, Then the subscription resumes from it', async () => {
    const server = await deliveredThenCheckpoint({ commit: 180n, prepare: 180n });
    server.streams[0].emit('error', new Error('connection lost'));
    await turn(60);
    await server.subscription.stop();
    expect(server.calls[1].fromPosition).toEqual({ commit: 180n, prepare: 180n });
  });

  it('Given no filter (the projector), When it subscribes, Then it asks the server for no checkpoints at all', async () => {
    const server = open(undefined);
    await turn();
    await server.subscription.stop();
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0].filter.checkpointReached).toBeUndefined();
  });
});
