import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { JOURNEY_STREAM_PREFIX } from '@care-journey/journey';
import { DEFAULT_AUTHORITY_CONFIG } from '@care-journey/projections';
import { seedStore } from '@care-journey/reporting';
import { DEMO_STREAM, demoProgress, markDemoStarted, type DemoOptions } from '../support/demo-marker';
import { seedDemo } from './demo.command';
import { knownAllocation } from '../../../api/src/children/allocation/known-allocation-names';
import { loadUserDirectory } from '../../../api/src/web/auth/user-directory';

const journeys = async (store: SqliteEventStore): Promise<number> => {
  const streams = new Set<string>();
  for await (const e of store.readAll({ filter: { streamPrefixes: [JOURNEY_STREAM_PREFIX] } }))
    streams.add(e.streamId);
  return streams.size;
};

describe('the demo authority (npm start)', () => {
  let dir: string;
  let store: SqliteEventStore;
  const quiet = () => jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-demo-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
    quiet();
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given an empty store, When the demo starts, Then it seeds every child and records that it finished', async () => {
    await seedDemo(store, 12, 'demo-spec');
    expect(await journeys(store)).toBe(12);
    expect(await demoProgress(store)).toEqual({ state: 'finished' });
    // Started again: nothing more is written.
    const head = await store.headPosition();
    await seedDemo(store, 12, 'demo-spec');
    expect(await store.headPosition()).toBe(head);
  });

  it('Given a demo cut short after 5 of 12 children, When the demo starts again, Then it finishes with the options it began with', async () => {
    const options: DemoOptions = {
      children: 12,
      seed: 'demo-spec',
      years: 4,
      yearEnding: '2026-06-30',
      recordedUntil: '2026-08-14T12:00:00.000Z',
    };
    await markDemoStarted(store, options);
    await seedStore(store, { ...options, children: 5 });
    expect(await journeys(store)).toBe(5);

    // Asked now for other options: the cut-short demo's own are used.
    await seedDemo(store, 3, 'another-seed');

    expect(await journeys(store)).toBe(12);
    expect(await demoProgress(store)).toEqual({ state: 'finished' });
    const reference = new SqliteEventStore({ file: join(dir, 'reference.db'), synchronous: 'NORMAL' });
    try {
      await seedStore(reference, options);
      const ids = async (s: SqliteEventStore) => {
        const all: string[] = [];
        for await (const e of s.readAll({ filter: { streamPrefixes: [JOURNEY_STREAM_PREFIX] } }))
          all.push(e.id);
        return all.sort();
      };
      expect(await ids(store)).toEqual(await ids(reference));
    } finally {
      await reference.close();
    }
  });

  it('Given journeys and no demo record (real or earlier data), When the demo starts, Then nothing is written', async () => {
    await seedStore(store, { children: 3, seed: 'real', years: 2, yearEnding: '2025-03-31' });
    const head = await store.headPosition();
    await seedDemo(store, 12, 'demo-spec');
    expect(await store.headPosition()).toBe(head);
    expect((await demoProgress(store)).state).toBe('none');
    await expect(async () => {
      for await (const _ of store.readStream(DEMO_STREAM)) break;
    }).rejects.toThrow();
  });

  it('Given an empty store, When the demo seeds, Then every child is allocated to a demo social worker who can sign in and works in its team: sw.demo the first team, sw.other.demo the others', async () => {
    await seedDemo(store, 40, 'demo-spec');
    const users = loadUserDirectory({});
    const known = { teams: DEFAULT_AUTHORITY_CONFIG.teams, socialWorkers: users.socialWorkers() };
    const allocations: { team: string; socialWorker: string }[] = [];
    for await (const event of store.readAll({ filter: { eventTypes: ['ChildRegistered'] } })) {
      const { team, socialWorker } = event.data as { team: string; socialWorker: string };
      allocations.push({ team, socialWorker });
      // What re-saving the allocation on a form checks: a known team and a social worker who signs in.
      expect(knownAllocation(known, { team, socialWorker })).toEqual({ team, socialWorker });
      expect(users.teamsOf(socialWorker)).toContain(team);
      expect(socialWorker).toBe(team === DEFAULT_AUTHORITY_CONFIG.teams[0] ? 'sw.demo' : 'sw.other.demo');
    }
    expect(allocations).toHaveLength(40);
    const workers = new Set(allocations.map((a) => a.socialWorker));
    expect([...workers].sort()).toEqual(['sw.demo', 'sw.other.demo']);
  });
});
