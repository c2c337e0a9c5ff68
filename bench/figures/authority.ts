import { type NewEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { seedStore } from '@care-journey/reporting';
import { TempDb } from '../support/temp-db';
import { progress } from '../support/timing';

/** A synthetic authority seeded through seedStore (the same path `care-journey seed` takes). */
export interface Authority {
  file: string;
  children: number;
  events: number;
  remove(): void;
}

/** seedStore's default span: enough years for the 903 export and import figures, and quick to seed. */
export const AUTHORITY_YEARS = 3;

export async function seedAuthority(children: number): Promise<Authority> {
  progress(`seeding a ${children.toLocaleString('en-GB')}-child authority (${AUTHORITY_YEARS} years)…`);
  const temp = new TempDb();
  // NORMAL: seeding is set-up, not a figure.
  const store = new SqliteEventStore({ file: temp.file, synchronous: 'NORMAL' });
  try {
    const result = await seedStore(store, { children, years: AUTHORITY_YEARS, seed: 'bench-authority' });
    return { file: temp.file, children, events: result.events, remove: () => temp.remove() };
  } finally {
    await store.close();
  }
}

/** Every journey stream of a store, as its events (for figures that start from whole streams). */
export async function streamsOf(file: string): Promise<Map<string, NewEvent[]>> {
  const store = new SqliteEventStore({ file });
  const streams = new Map<string, NewEvent[]>();
  try {
    for await (const event of store.readAll()) {
      const list = streams.get(event.streamId) ?? [];
      list.push(event);
      streams.set(event.streamId, list);
    }
  } finally {
    await store.close();
  }
  return streams;
}
