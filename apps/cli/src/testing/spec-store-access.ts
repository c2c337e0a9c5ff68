import { SqliteEventStore } from '@care-journey/event-store/sqlite';

/** Works on a spec's store file as a command will, closed before the command opens it. */
export async function withSpecStore<T>(
  file: string,
  work: (store: SqliteEventStore) => Promise<T>,
): Promise<T> {
  const store = new SqliteEventStore({ file });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The types of `stream`'s events in the store file, in order. */
export const specStreamTypes = (file: string, stream: string): Promise<string[]> =>
  withSpecStore(file, async (store) => {
    const types: string[] = [];
    for await (const event of store.readStream(stream)) types.push(event.type);
    return types;
  });
