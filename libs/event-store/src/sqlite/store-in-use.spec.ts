import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreUnavailable } from '../errors';
import { SqliteEventStore } from './sqlite-event-store';
import {
  byProcess,
  describeStoreUsers,
  otherStoreUsers,
  registerStoreUse,
  type StoreUser,
} from './store-in-use';
import { holdInAnotherProcess } from './testing/hold-in-another-process';

const markersBeside = (dir: string) => readdirSync(dir).filter((name) => name.includes('.in-use.'));

describe('who has a SQLite event store open (in-use markers)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-in-use-'));
    file = join(dir, 'events.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sees a store another process has open, and no longer once it closed (its marker removed)', async () => {
    const holder = await holdInAnotherProcess(file);
    try {
      expect(otherStoreUsers(file)).toEqual([
        expect.objectContaining({ pid: holder.pid, host: hostname(), role: 'store' }),
      ]);
    } finally {
      await holder.release();
    }
    expect(otherStoreUsers(file)).toEqual([]);
    expect(markersBeside(dir)).toEqual([]);
  }, 30_000);

  it("does not count this process's own stores, and removes its marker on close", async () => {
    const store = new SqliteEventStore({ file });
    expect(markersBeside(dir)).toHaveLength(1);
    expect(otherStoreUsers(file)).toEqual([]);
    await store.close();
    expect(markersBeside(dir)).toEqual([]);
  });

  it('ignores and removes the marker of a process that died without closing (SIGKILL)', async () => {
    const holder = await holdInAnotherProcess(file);
    await holder.kill();
    expect(markersBeside(dir)).toHaveLength(1);
    expect(otherStoreUsers(file)).toEqual([]);
    expect(markersBeside(dir)).toEqual([]);
  }, 30_000);

  it('takes a live pid whose start time differs from the marker for a reused pid: stale', async () => {
    if (!existsSync('/proc/self/stat')) return; // the start time is read from /proc (Linux)
    const holder = await holdInAnotherProcess(file);
    try {
      const marker = join(dir, `events.db.in-use.${holder.pid}.reused.json`);
      writeFileSync(
        marker,
        JSON.stringify({
          role: 'store',
          pid: holder.pid,
          host: hostname(),
          startedAt: '2020-01-01T00:00:00.000Z',
          startTicks: '1',
          command: 'an API long gone',
        }),
      );
      const users = otherStoreUsers(file);
      expect(users).toHaveLength(1); // the holder's own marker, not the one with another start time
      expect(existsSync(marker)).toBe(false);
    } finally {
      await holder.release();
    }
  }, 30_000);

  it('refuses to open a store while another process restores it, and changes nothing', async () => {
    const restoring = await holdInAnotherProcess(file, 'restore');
    try {
      expect(() => new SqliteEventStore({ file })).toThrow(StoreUnavailable);
      expect(() => new SqliteEventStore({ file })).toThrow(/is being restored by another process/);
      expect(existsSync(file)).toBe(false);
      expect(markersBeside(dir)).toHaveLength(1); // the restore's only
    } finally {
      await restoring.release();
    }
    const store = new SqliteEventStore({ file });
    await store.close();
  }, 30_000);

  it('counts a process holding several stores (an API and its projector thread) once, named by its main thread', () => {
    const user = (pid: number, command: string, marker: string): StoreUser => ({
      role: 'store',
      pid,
      host: 'h',
      startedAt: '2026-01-01T00:00:00.000Z',
      startTicks: null,
      command,
      marker,
    });
    const users = [
      user(7, '[worker eval]', 'm1'),
      user(7, 'care-journey.js serve', 'm2'),
      user(8, 'main.js', 'm3'),
    ];
    expect(byProcess(users)).toHaveLength(2);
    expect(describeStoreUsers(users).split('\n')).toEqual([
      '  pid 7 on h (care-journey.js serve), started 2026-01-01T00:00:00.000Z: m1, m2',
      '  pid 8 on h (main.js), started 2026-01-01T00:00:00.000Z: m3',
    ]);
  });

  it('writes no marker for an in-memory name, and a registration can be released twice', () => {
    expect(registerStoreUse(':memory:')()).toBeUndefined();
    const release = registerStoreUse(file);
    release();
    release();
    expect(markersBeside(dir)).toEqual([]);
  });
});
