/** Integration: the measures kept up to date from the engine's read models over a real SQLite log. */
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import type { StoredJourneyEvent } from '@care-journey/journey';
import { ProjectionEngine } from '../engine/projection-engine';
import { summaryFromStream } from '../summary/build-summary';
import { appendEvents, tempDir } from '../testing/log-fixtures';
import { DEFAULT_AUTHORITY_CONFIG } from './authority-config';
import { loadAuthorityConfig } from './authority-config-env';
import { catchUpReadModels, engineReadModels } from './engine-read-models';
import type { JourneyReadModels } from './journey-read-models';
import { PreparedAuthority } from './prepared-authority';
import { child, placed } from './testing/authority-journey';

describe('authority measures from the read models', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let engine: ProjectionEngine;

  beforeEach(() => {
    temp = tempDir('cj-authority-');
    store = new SqliteEventStore({ file: join(temp.dir, 'events.db'), pollIntervalMs: 5 });
    engine = new ProjectionEngine(store, {
      file: join(temp.dir, 'read-models.db'),
      mode: 'inline',
      batchSize: 100,
    });
  });
  afterEach(async () => {
    await engine.close();
    await store.close();
    temp.remove();
  });

  it('prepares every journey, then only the children whose read model changed', async () => {
    const a = child('a')
      .child('2010-01-01')
      .startsIn('2024-01-10', placed('U6', 'PR4', 'PE1 4LW'));
    const b = child('b').child('2010-01-01').startsIn('2024-01-20', placed('U4', 'PR1'));
    await appendEvents(store, 'a', a.events);
    await appendEvents(store, 'b', b.events);
    await catchUpReadModels(engine, store);
    const authority = new PreparedAuthority(loadAuthorityConfig({}));
    const readModels = engineReadModels(engine);

    const first = await authority.measures(readModels);
    expect(first.asAt('2024-01-31').lookedAfter.count).toBe(2);
    expect(await authority.measures(readModels)).toBe(first); // nothing new: the same prepared measures

    const before = first.children.find((c) => c.childId === 'b');
    a.endCare('2024-02-15', 'E4A');
    await appendEvents(store, 'a', a.events.slice(-1));
    await catchUpReadModels(engine, store);
    const second = await authority.measures(readModels);
    expect(await authority.measures(readModels)).toBe(second);
    const [, february] = second.monthlySeries('2024-01', '2024-02');
    expect(february.flows.ceasedByRoute.return_home_planned).toBe(1);
    expect(february.lookedAfter.count).toBe(1);
    expect(second.children.find((c) => c.childId === 'b')).toBe(before);
    // Listed by first appearance in the log, though a's read model changed last (a fresh reader
    // of the file gets the summaries in order of last change).
    const reader = new ProjectionEngine(store, {
      file: engine.readModels.file,
      mode: 'worker',
      batchSize: 100,
    });
    const fresh = await new PreparedAuthority(loadAuthorityConfig({})).measures(engineReadModels(reader));
    await reader.close();
    expect(fresh.children.map((c) => c.childId)).toEqual(['a', 'b']);
  });

  it('has nothing to catch up on an empty log', async () => {
    await catchUpReadModels(engine, store);
    expect(
      (await new PreparedAuthority(DEFAULT_AUTHORITY_CONFIG).measures(engineReadModels(engine))).children,
    ).toEqual([]);
  });
});

describe('PreparedAuthority over a versioned read model', () => {
  /** A read model like the API's JourneyQueries: a version, summary objects replaced on change. */
  function fakeReadModels(streams: Record<string, StoredJourneyEvent[]>) {
    const reads: string[] = [];
    let summaries = Object.entries(streams).map(([id, events]) => summaryFromStream(id, events));
    const readModels = {
      version: 1,
      summaries: () => summaries,
      events: (childId: string) => (reads.push(childId), streams[childId]),
    } satisfies JourneyReadModels;
    const replace = (childId: string, events: StoredJourneyEvent[]): void => {
      streams[childId] = events;
      summaries = summaries.map((s) => (s.childId === childId ? summaryFromStream(childId, events) : s));
      readModels.version += 1;
    };
    return { readModels, reads, replace };
  }

  it('skips unchanged versions and reads the events of changed children only', async () => {
    const a = child('a').child('2010-01-01').startsIn('2024-01-10', placed('U6', 'PR4'));
    const b = child('b').child('2010-01-01').startsIn('2024-01-20', placed('U4', 'PR1'));
    const { readModels, reads, replace } = fakeReadModels({ a: a.events, b: b.events });
    const authority = new PreparedAuthority(DEFAULT_AUTHORITY_CONFIG);

    const first = await authority.measures(readModels);
    expect(reads).toEqual(['a', 'b']);
    expect(await authority.measures(readModels)).toBe(first);

    replace('b', b.endCare('2024-02-01', 'E4A').events);
    const second = await authority.measures(readModels);
    expect(reads).toEqual(['a', 'b', 'b']);
    expect(second).not.toBe(first);
    expect(second.asAt('2024-02-10').lookedAfter.count).toBe(1);
  });
});
