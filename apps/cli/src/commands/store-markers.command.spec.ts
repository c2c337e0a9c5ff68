import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { holdInAnotherProcess } from '../../../../libs/event-store/src/sqlite/testing/hold-in-another-process';
import { registerStoreMarkersCommand } from './store-markers.command';

/** `care-journey store-markers …` in-process: what it wrote to stdout and stderr. */
async function storeMarkers(args: string[], file: string) {
  const saved = { ...process.env };
  process.env.CARE_JOURNEY_STORE = 'sqlite';
  process.env.CARE_JOURNEY_SQLITE_FILE = file;
  let out = '';
  let err = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((t) => ((out += String(t)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((t) => ((err += String(t)), true));
  try {
    const program = new Command().exitOverride();
    registerStoreMarkersCommand(program);
    await program.parseAsync(['node', 'care-journey', 'store-markers', ...args]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.env = saved;
  }
  return { out, err };
}

const markersIn = (dir: string) => readdirSync(dir).filter((name) => name.includes('.in-use.'));

describe('care-journey store-markers (review s12-ops F13)', () => {
  let dir: string;
  let file: string;
  const savedHostId = process.env.CARE_JOURNEY_HOST_ID;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'store-markers-'));
    file = join(dir, 'events.db');
    await new SqliteEventStore({ file, synchronous: 'NORMAL' }).close();
  });
  afterEach(() => {
    if (savedHostId === undefined) delete process.env.CARE_JOURNEY_HOST_ID;
    else process.env.CARE_JOURNEY_HOST_ID = savedHostId;
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given a running holder, a killed one and another host’s marker, Then each is listed with why; --prune removes only the killed one’s; markers are 0600', async () => {
    const running = await holdInAnotherProcess(file);
    const killed = await holdInAnotherProcess(file);
    await killed.kill();
    const elsewhere = join(dir, 'events.db.in-use.7.abcdef12.json');
    writeFileSync(
      elsewhere,
      JSON.stringify({
        role: 'store',
        pid: 7,
        host: 'other-host',
        startedAt: '2026-11-01T00:00:00.000Z',
        startTicks: null,
        command: 'main.js',
      }),
    );
    try {
      const runningMarker = markersIn(dir).find((name) => name.includes(`.in-use.${running.pid}.`))!;
      expect(statSync(join(dir, runningMarker)).mode & 0o777).toBe(0o600);

      const listed = await storeMarkers([], file);
      expect(listed.out).toContain(`pid ${running.pid} on ${hostname()}`);
      expect(listed.out).toContain(`in use: pid ${running.pid} is running`);
      expect(listed.out).toContain(`stale: pid ${killed.pid} is no longer running on this host`);
      expect(listed.out).toMatch(
        /pid 7 on other-host \(main\.js\), started 2026-11-01T00:00:00\.000Z, store: kept: written on other-host, not this host/,
      );
      expect(listed.err).toMatch(
        /1 in use, 1 kept \(not checkable from here\), 1 stale \(remove with --prune\)/,
      );
      expect(markersIn(dir)).toHaveLength(3); // listing removes nothing

      const pruned = await storeMarkers(['--prune'], file);
      expect(pruned.err).toMatch(/1 in use, 1 kept \(not checkable from here\), 1 stale removed/);
      expect(pruned.out).toContain('removed: stale');
      expect(markersIn(dir).sort()).toEqual([runningMarker, 'events.db.in-use.7.abcdef12.json'].sort());
    } finally {
      await running.release();
    }
  });

  it('Given CARE_JOURNEY_HOST_ID, When a process killed in a container that came back under the same id, Then its marker is this host’s and prunable (with the machine’s name it would be kept for ever)', async () => {
    process.env.CARE_JOURNEY_HOST_ID = 'api-1';
    const crashed = await holdInAnotherProcess(file);
    await crashed.kill();
    const [marker] = markersIn(dir);
    expect(marker).toBeDefined();
    delete process.env.CARE_JOURNEY_HOST_ID;
    expect((await storeMarkers([], file)).out).toContain('kept: written on api-1, not this host');

    process.env.CARE_JOURNEY_HOST_ID = 'api-1';
    const pruned = await storeMarkers(['--prune'], file);
    expect(pruned.err).toContain('1 stale removed');
    expect(markersIn(dir)).toEqual([]);
  });

  it('Given a CARE_JOURNEY_HOST_ID that cannot name a host, Then opening the store is refused naming it', () => {
    process.env.CARE_JOURNEY_HOST_ID = 'api 1/x';
    expect(() => new SqliteEventStore({ file, synchronous: 'NORMAL' })).toThrow(
      /^CARE_JOURNEY_HOST_ID: must be 1–253 letters, digits, '\.', '_' or '-' .*got "api 1\/x"/,
    );
  });
});
