import { StreamNotFound, StoreUnavailable } from './errors';
import type { EventStore, RecordedEvent } from './event-store.port';
import { readStreamOrEmpty } from './read-stream-or-empty';

const event = (id: string): RecordedEvent =>
  ({
    id,
    type: 'T',
    data: {},
    metadata: {},
    streamId: 's',
    revision: 0n,
    globalPosition: 1n,
  }) as RecordedEvent;

const storeReading = (read: () => AsyncIterable<RecordedEvent>): EventStore =>
  ({ readStream: read }) as unknown as EventStore;

async function all(iterable: AsyncIterable<RecordedEvent>): Promise<string[]> {
  const ids: string[] = [];
  for await (const e of iterable) ids.push(e.id);
  return ids;
}

describe('readStreamOrEmpty', () => {
  it('Given a stream, Then its events in order', async () => {
    const store = storeReading(async function* () {
      yield event('a');
      yield event('b');
    });
    expect(await all(readStreamOrEmpty(store, 's'))).toEqual(['a', 'b']);
  });

  it('Given a missing stream, Then no events and no error', async () => {
    const store = storeReading(async function* () {
      throw new StreamNotFound('s');
    });
    expect(await all(readStreamOrEmpty(store, 's'))).toEqual([]);
  });

  it('Given the store cannot answer, Then its error is thrown', async () => {
    const store = storeReading(async function* () {
      throw new StoreUnavailable('down');
    });
    await expect(all(readStreamOrEmpty(store, 's'))).rejects.toBeInstanceOf(StoreUnavailable);
  });

  it("Given the caller's own loop throws StreamNotFound, Then it is not swallowed", async () => {
    const store = storeReading(async function* () {
      yield event('a');
    });
    const loop = async (): Promise<void> => {
      for await (const _e of readStreamOrEmpty(store, 's')) throw new StreamNotFound('other');
    };
    await expect(loop()).rejects.toBeInstanceOf(StreamNotFound);
  });
});
