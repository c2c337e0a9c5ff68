import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Command } from 'commander';
import {
  chainEvents,
  expectedRevisionAt,
  readChainTip,
  recordCaseHistoryRead,
  recordTokenIssued,
} from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { ReadModelStore } from '@care-journey/projections';
import { seedStore } from '@care-journey/reporting';
import { holdInAnotherProcess } from '../../../../libs/event-store/src/sqlite/testing/hold-in-another-process';
import { registerAuditCommand } from './audit.command';
import { registerBackupCommand } from './backup.command';
import { registerChildRefCommand } from './child-ref.command';
import { registerExport903Command } from './export-903.command';
import { registerMeasuresCommand } from './measures.command';
import { registerRebuildCommand } from './rebuild.command';
import { registerRestoreCommand } from './restore.command';
import { registerUpnCommand } from './upn.command';

/** Runs one CLI command in-process with the given environment; returns its output and exit code. */
async function cli(args: string[], env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((t) => (out.push(String(t)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((t) => (err.push(String(t)), true));
  process.exitCode = 0;
  try {
    const program = new Command().exitOverride();
    for (const register of [
      registerAuditCommand,
      registerBackupCommand,
      registerChildRefCommand,
      registerExport903Command,
      registerMeasuresCommand,
      registerRebuildCommand,
      registerRestoreCommand,
      registerUpnCommand,
    ])
      register(program);
    let thrown = '';
    try {
      await program.parseAsync(['node', 'care-journey', ...args]);
    } catch (error) {
      thrown = error instanceof Error ? error.message : String(error);
    }
    return { out: out.join(''), err: err.join('') + thrown, code: thrown ? 1 : (process.exitCode ?? 0) };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = 0;
    process.env = saved;
  }
}

/** A store holding three days of read-access trail (hash-chained streams, no journeys). */
async function storeWithTrail(file: string): Promise<void> {
  const store = new SqliteEventStore({ file });
  try {
    for (const [i, day] of ['2026-01-05', '2026-01-05', '2026-01-06'].entries())
      await recordCaseHistoryRead(store, {
        id: `00000000-0000-4000-8000-00000000000${i}`,
        childId: 'c1',
        role: 'auditor',
        view: 'history',
        readBy: 'auditor.one',
        readAt: `${day}T10:0${i}:00.000Z`,
      });
  } finally {
    await store.close();
  }
}

describe('CLI store checks', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cj-store-checks-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('commands that only read a store refuse a missing one, and create nothing', () => {
    it.each([
      ['export-903', ['export-903', '--year-ending', '2026-03-31', '--out', 'OUT']],
      ['rebuild', ['rebuild']],
      ['measures', ['measures', '--from', '2025-04', '--to', '2026-03']],
      ['audit verify-store', ['audit', 'verify-store']],
      ['audit verify', ['audit', 'verify', '--child', 'c1']],
      ['child-ref migrate', ['child-ref', 'migrate']],
      ['child-ref release', ['child-ref', 'release', 'X1', '--reason', 'never registered']],
      ['upn release', ['upn', 'release', 'A100000000001', '--reason', 'never registered']],
    ])('%s', async (_name, args) => {
      const missing = join(dir, 'typo', 'events.sqlite');
      const result = await cli(
        args.map((a) => (a === 'OUT' ? join(dir, 'out') : a)),
        { CARE_JOURNEY_SQLITE_FILE: missing, CARE_JOURNEY_READMODEL_FILE: join(dir, 'rm.sqlite') },
      );
      expect(result.code).toBe(1);
      expect(result.err).toContain(`no event store at ${missing} (CARE_JOURNEY_SQLITE_FILE)`);
      expect(existsSync(missing)).toBe(false);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    });
  });

  describe('restore refuses what is no backup, and leaves the store alone', () => {
    it.each([
      ['an empty file', (f: string) => writeFileSync(f, ''), 'is not a SQLite database'],
      ['a 1-byte file', (f: string) => writeFileSync(f, 'x'), 'is not a SQLite database'],
      [
        'a SQLite store with no events',
        (f: string) => new Database(f).exec('CREATE TABLE t (x)').close(),
        'holds no events',
      ],
    ])('%s', async (_name, make, message) => {
      const backup = join(dir, 'backup.sqlite');
      make(backup);
      const target = join(dir, 'store', 'events.sqlite');
      const result = await cli(['restore', backup, '--no-rebuild'], { CARE_JOURNEY_SQLITE_FILE: target });
      expect(result.code).toBe(1);
      expect(result.err).toContain(message);
      expect(existsSync(target)).toBe(false);
      // Nothing staged is left behind.
      expect(existsSync(join(dir, 'store')) ? readdirSync(join(dir, 'store')) : []).toEqual([]);
    });
  });

  describe('a restore never hands out a position again', () => {
    const metadata = { recordedAt: '2026-01-05T10:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 };
    const append = async (file: string, stream: string, count: number): Promise<bigint> => {
      const store = new SqliteEventStore({ file });
      try {
        const events = Array.from({ length: count }, (_, i) => ({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          type: 'Noted',
          data: { i },
          metadata,
        }));
        return (await store.appendToStream(stream, events, { expectedRevision: 'any' })).globalPosition;
      } finally {
        await store.close();
      }
    };

    it("continues after the replaced store's head, recording the restore as an event", async () => {
      // Given a store of 5 events, backed up, then 3 more written after the backup
      const file = join(dir, 'events.sqlite');
      await append(file, 'notes-a', 5);
      const backupFile = join(dir, 'backup.sqlite');
      expect((await cli(['backup', backupFile], { CARE_JOURNEY_SQLITE_FILE: file })).code).toBe(0);
      const oldHead = await append(file, 'notes-b', 3);
      expect(oldHead).toBe(8n);

      // When the backup is restored over it
      const restore = await cli(['restore', backupFile, '--force', '--no-rebuild'], {
        CARE_JOURNEY_SQLITE_FILE: file,
      });

      // Then positions 6–8 are not used again: the marker sits at 9, new events after it
      expect(restore).toMatchObject({ code: 0 });
      expect(restore.out).toContain('positions 6–8 were in the replaced store, not in the backup');
      const store = new SqliteEventStore({ file });
      try {
        const events = [];
        for await (const e of store.readAll()) events.push(e);
        expect(events.map((e) => e.globalPosition)).toEqual([1n, 2n, 3n, 4n, 5n, 9n]);
        expect(events[5]).toMatchObject({
          streamId: 'store-restores',
          type: 'StoreRestored',
          data: { restoredHead: '5', previousHead: '8', positionsNotInBackup: { from: '6', to: '8' } },
        });
      } finally {
        await store.close();
      }
      expect(await append(file, 'notes-c', 1)).toBe(10n);

      // And verify-store takes the restore's hole (named by its StoreRestored) for what it is
      const verify = await cli(['audit', 'verify-store'], { CARE_JOURNEY_SQLITE_FILE: file });
      expect(JSON.parse(verify.out)).toMatchObject({ positionGaps: [], missing: [] });
      expect(verify.code).toBe(0);
    });

    it("Given CARE_JOURNEY_READMODEL_FILE holding another existing store's read models, When a backup is restored, Then the store is restored but nothing is rebuilt into that file, and the refusal names the variable and both stores (review s12-ops F2)", async () => {
      const [file, other, shared] = [
        join(dir, 'events.sqlite'),
        join(dir, 'other.sqlite'),
        join(dir, 'shared.db'),
      ];
      await append(file, 'notes-a', 2);
      await append(other, 'notes-o', 1);
      const backupFile = join(dir, 'backup.sqlite');
      expect((await cli(['backup', backupFile], { CARE_JOURNEY_SQLITE_FILE: file })).code).toBe(0);
      const owner = await cli(['rebuild'], {
        CARE_JOURNEY_SQLITE_FILE: other,
        CARE_JOURNEY_READMODEL_FILE: shared,
      });
      expect(owner.code).toBe(0);

      const restore = await cli(['restore', backupFile, '--force'], {
        CARE_JOURNEY_SQLITE_FILE: file,
        CARE_JOURNEY_READMODEL_FILE: shared,
      });

      expect(restore.code).toBe(1);
      expect(restore.out).toContain('restored 2 events');
      expect(restore.err).toContain(
        `restore: CARE_JOURNEY_READMODEL_FILE: ${shared} holds the read models of the event store ${other}, not of ${file} (CARE_JOURNEY_SQLITE_FILE)`,
      );
      expect(restore.err).toContain('the store is restored, but its read models were not rebuilt');
      const readModels = new ReadModelStore(shared);
      expect(readModels.currentGeneration()).toBe(2);
      expect(readModels.checkpoint()).toBe(1n);
      readModels.close();
    });

    it('takes --continue-after when the replaced store is not there to read', async () => {
      const file = join(dir, 'source.sqlite');
      await append(file, 'notes-a', 4);
      const backupFile = join(dir, 'backup.sqlite');
      expect((await cli(['backup', backupFile], { CARE_JOURNEY_SQLITE_FILE: file })).code).toBe(0);
      const target = join(dir, 'new-disk', 'events.sqlite');
      const restore = await cli(['restore', backupFile, '--continue-after', '120', '--no-rebuild'], {
        CARE_JOURNEY_SQLITE_FILE: target,
      });
      expect(restore.code).toBe(0);
      expect(restore.out).toContain(
        "a checkpoint up to 4 (the backup's head) carries on; a checkpoint in 5–120 read events this store no longer has",
      );
      expect(await append(target, 'notes-c', 1)).toBe(122n);
      const bad = await cli(['restore', backupFile, '--continue-after', 'twelve', '--force'], {
        CARE_JOURNEY_SQLITE_FILE: target,
      });
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('must be a global position');
    });
  });

  describe('a restore that cannot tell where the old log ended', () => {
    const append = async (file: string, count: number): Promise<void> => {
      const store = new SqliteEventStore({ file });
      try {
        const events = Array.from({ length: count }, (_, i) => ({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          type: 'Noted',
          data: { i },
          metadata: { recordedAt: '2026-01-05T10:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 },
        }));
        await store.appendToStream('notes-a', events, { expectedRevision: 'any' });
      } finally {
        await store.close();
      }
    };
    const backupOf4 = async (): Promise<string> => {
      const file = join(dir, 'source.sqlite');
      await append(file, 4);
      const backupFile = join(dir, 'backup.sqlite');
      expect((await cli(['backup', backupFile], { CARE_JOURNEY_SQLITE_FILE: file })).code).toBe(0);
      return backupFile;
    };
    const positionsIn = async (file: string) => {
      const store = new SqliteEventStore({ file });
      try {
        const events = [];
        for await (const e of store.readAll()) events.push(e);
        return events;
      } finally {
        await store.close();
      }
    };

    it.each([
      ['no store at the target (the disk was lost)', (_target: string) => undefined, [], 'no store at'],
      [
        'a store without events at the target (--force)',
        (target: string) => new Database(target).exec('CREATE TABLE t (x)').close(),
        ['--force'],
        'holds no events',
      ],
    ])(
      'Given %s, When restore runs without --continue-after or --reuse-positions, Then it is refused, naming both, and nothing changes',
      async (_name, make, extra, reason) => {
        const backupFile = await backupOf4();
        mkdirSync(join(dir, 'new-disk'));
        const target = join(dir, 'new-disk', 'events.sqlite');
        make(target);
        const before = readdirSync(join(dir, 'new-disk'));

        const restore = await cli(['restore', backupFile, '--no-rebuild', ...extra], {
          CARE_JOURNEY_SQLITE_FILE: target,
        });

        expect(restore.code).toBe(1);
        expect(restore.out).toBe('');
        expect(restore.err).toContain(reason);
        expect(restore.err).toContain(
          "positions after the backup's head (4) may already have been given out",
        );
        expect(restore.err).toContain('--continue-after <position>');
        expect(restore.err).toContain('--reuse-positions');
        expect(restore.err).toContain('Nothing was changed');
        expect(readdirSync(join(dir, 'new-disk'))).toEqual(before);
      },
    );

    it("Given no store at the target, When restore runs with --reuse-positions, Then the restore is recorded after the backup's head and the consumers are told", async () => {
      const backupFile = await backupOf4();
      const target = join(dir, 'new-disk', 'events.sqlite');

      const restore = await cli(['restore', backupFile, '--reuse-positions', '--no-rebuild'], {
        CARE_JOURNEY_SQLITE_FILE: target,
      });

      expect(restore).toMatchObject({ code: 0, err: '' });
      expect(restore.out).toContain(
        'positions after 4 are given out again (--reuse-positions, StoreRestored recorded at 5)',
      );
      expect(restore.out).toContain('set such a job back to 4');
      const events = await positionsIn(target);
      expect(events.map((e) => e.globalPosition)).toEqual([1n, 2n, 3n, 4n, 5n]);
      expect(events[4]).toMatchObject({
        streamId: 'store-restores',
        type: 'StoreRestored',
        data: { restoredHead: '4', previousHead: null, positionsNotInBackup: null, positionsReusedFrom: '5' },
      });
    });
  });

  describe('restore is refused while another process has the store open', () => {
    const eventsIn = async (file: string): Promise<string[]> => {
      const store = new SqliteEventStore({ file });
      try {
        const ids = [];
        for await (const e of store.readAll()) ids.push(`${e.globalPosition}:${e.id}`);
        return ids;
      } finally {
        await store.close();
      }
    };

    it('Given an API (another process) holding the store, When restore runs, Then it is refused and nothing moved; once it closed, restore works', async () => {
      const file = join(dir, 'events.sqlite');
      await storeWithTrail(file);
      const backupFile = join(dir, 'backup.sqlite');
      expect((await cli(['backup', backupFile], { CARE_JOURNEY_SQLITE_FILE: file })).code).toBe(0);
      const before = await eventsIn(file);
      const holder = await holdInAnotherProcess(file);
      let refused;
      let listing: string[];
      try {
        listing = readdirSync(dir).sort();
        refused = await cli(['restore', backupFile, '--force', '--no-rebuild'], {
          CARE_JOURNEY_SQLITE_FILE: file,
        });
        expect(readdirSync(dir).sort()).toEqual(listing);
      } finally {
        await holder.release();
      }
      expect(refused.code).toBe(1);
      expect(refused.err).toContain(`the event store ${file} is open in another process`);
      expect(refused.err).toContain(`pid ${holder.pid}`);
      expect(refused.err).toContain('the store was not touched');
      expect(refused.err).toContain('`care-journey store-markers` says why each counts'); // s12-ops F13
      expect(refused.out).toBe('');
      expect(
        readdirSync(dir).some((name) => name.includes('before-restore') || name.includes('restoring')),
      ).toBe(false);
      expect(await eventsIn(file)).toEqual(before);

      const restored = await cli(['restore', backupFile, '--force', '--no-rebuild'], {
        CARE_JOURNEY_SQLITE_FILE: file,
      });
      expect(restored).toMatchObject({ code: 0, err: '' });
      expect(restored.out).toContain('restored 3 events');
      expect(readdirSync(dir).filter((name) => name.includes('.in-use.'))).toEqual([]);
    }, 60_000);

    it('Given the marker of a process killed while it held the store, When restore runs, Then the stale marker does not block it', async () => {
      const file = join(dir, 'events.sqlite');
      await storeWithTrail(file);
      const backupFile = join(dir, 'backup.sqlite');
      expect((await cli(['backup', backupFile], { CARE_JOURNEY_SQLITE_FILE: file })).code).toBe(0);
      const holder = await holdInAnotherProcess(file);
      await holder.kill();
      expect(readdirSync(dir).filter((name) => name.includes('.in-use.'))).toHaveLength(1);

      const restored = await cli(['restore', backupFile, '--force', '--no-rebuild'], {
        CARE_JOURNEY_SQLITE_FILE: file,
      });
      expect(restored).toMatchObject({ code: 0, err: '' });
      expect(readdirSync(dir).filter((name) => name.includes('.in-use.'))).toEqual([]);
    }, 60_000);

    it('Given another process holding the store (an API), When backup runs, Then it is not refused (a live backup)', async () => {
      const file = join(dir, 'events.sqlite');
      await storeWithTrail(file);
      const holder = await holdInAnotherProcess(file);
      try {
        const backup = await cli(['backup', join(dir, 'live.sqlite')], { CARE_JOURNEY_SQLITE_FILE: file });
        expect(backup).toMatchObject({ code: 0, err: '' });
      } finally {
        await holder.release();
      }
    }, 60_000);
  });

  describe('the read-access trail is verified like the journeys', () => {
    it('verify-store passes a clean store, counting its trail days', async () => {
      const file = join(dir, 'events.sqlite');
      await storeWithTrail(file);
      const result = await cli(['audit', 'verify-store'], { CARE_JOURNEY_SQLITE_FILE: file });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.out)).toMatchObject({ events: 3, streams: 0, trailDays: 2, brokenChains: [] });
    });

    it('verify-store and backup both fail a trail entry changed in the file', async () => {
      const file = join(dir, 'events.sqlite');
      await storeWithTrail(file);
      const db = new Database(file);
      db.prepare(
        `UPDATE events SET data = replace(data, '"role":"auditor"', '"role":"admin"')
         WHERE global_position = (SELECT min(global_position) FROM events)`,
      ).run();
      db.close();

      const verify = await cli(['audit', 'verify-store'], { CARE_JOURNEY_SQLITE_FILE: file });
      expect(verify.code).toBe(1);
      expect(JSON.parse(verify.out).brokenChains).toEqual(['access-log-2026-01-05']);

      const copy = join(dir, 'copy.sqlite');
      const backup = await cli(['backup', copy], { CARE_JOURNEY_SQLITE_FILE: file });
      expect(backup.code).toBe(1);
      expect(backup.err).toContain('hash chain broken in access-log-2026-01-05');
      expect(existsSync(copy)).toBe(false);
    });
  });

  describe('the tokens issued are verified like the trail (session 16)', () => {
    it('Given a TokenIssued record changed in the file (another user named), Then verify-store and backup fail naming tokens-issued', async () => {
      const file = join(dir, 'events.sqlite');
      const store = new SqliteEventStore({ file });
      for (const user of ['nightly-return', 'dpo.jane'])
        await recordTokenIssued(store, {
          tokenId: `0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e4${user.length % 10}`,
          userId: user,
          role: 'auditor',
          issuedAt: '2026-01-05T10:00:00Z',
          expiresAt: '2026-01-05T18:00:00Z',
          keyId: 'sha256:0123456789abcdef',
          operator: { osUser: 'jsmith', host: 'ops-1' },
        });
      await store.close();
      expect((await cli(['audit', 'verify-store'], { CARE_JOURNEY_SQLITE_FILE: file })).code).toBe(0);
      const db = new Database(file);
      db.prepare(
        `UPDATE events SET data = replace(data, '"userId":"nightly-return"', '"userId":"someone"')`,
      ).run();
      db.close();

      const verify = await cli(['audit', 'verify-store'], { CARE_JOURNEY_SQLITE_FILE: file });
      expect(verify.code).toBe(1);
      expect(JSON.parse(verify.out).brokenChains).toEqual(['tokens-issued']);
      const backup = await cli(['backup', join(dir, 'copy.sqlite')], { CARE_JOURNEY_SQLITE_FILE: file });
      expect(backup.code).toBe(1);
      expect(backup.err).toContain('hash chain broken in tokens-issued');
    });
  });

  describe('a journey stream deleted whole (session 15)', () => {
    const longAgo = '2026-01-05T10:00:00.000Z';
    /** Registers each child as the writers do: its 903 reference reserved, then its chained journey. */
    async function storeWithChildren(file: string, children: [ref: string, id: string, events: number][]) {
      const store = new SqliteEventStore({ file });
      try {
        for (const [ref, childId, count] of children) {
          await store.appendToStream(
            `child-ref-${ref}`,
            [
              {
                id: `00000000-0000-4000-8000-${ref.padStart(12, '0')}`,
                type: 'ChildRefReserved',
                data: { childRef: ref, childId },
                metadata: { recordedAt: longAgo, recordedBy: 'spec', schemaVersion: 1 },
              },
            ],
            { expectedRevision: 'no_stream' },
          );
          const stream = `journey-${childId}`;
          const tip = await readChainTip(store, stream);
          // The journey starts with its registration naming the reference (since review s18-es F4
          // verify-store compares the two: a journey of notes alone was never written by any writer).
          const events = Array.from({ length: count }, (_, i) => ({
            id: `${childId}-${i}`,
            type: i === 0 ? 'ChildRegistered' : 'Noted',
            data: i === 0 ? { childId, childRef: ref } : { childId, i },
            metadata: { recordedAt: longAgo, recordedBy: 'spec', schemaVersion: 1 },
          }));
          await store.appendToStream(stream, chainEvents(tip, events), {
            expectedRevision: expectedRevisionAt(tip),
          });
        }
      } finally {
        await store.close();
      }
    }
    const deleteStream = (file: string, streamId: string) => {
      const db = new Database(file);
      try {
        return db.prepare('DELETE FROM events WHERE stream_id = ?').run(streamId).changes;
      } finally {
        db.close();
      }
    };
    const children: [string, string, number][] = [
      ['C1', 'child-a', 3],
      ['C2', 'child-b', 4],
      ['C3', 'child-c', 2],
    ];

    it('Given an untouched store, When verify-store runs, Then it passes (no hole, every reserved child has a journey)', async () => {
      const file = join(dir, 'events.sqlite');
      await storeWithChildren(file, children);
      const verify = await cli(['audit', 'verify-store'], { CARE_JOURNEY_SQLITE_FILE: file });
      expect(JSON.parse(verify.out)).toMatchObject({
        events: 12,
        head: '12',
        streams: 3,
        // Reservations written as before session 19 (unstamped): accepted at their streams' start.
        registryStreams: 3,
        unchainedRegistryEvents: 3,
        brokenChains: [],
        positionGaps: [],
        missingJourneys: [],
        missing: [],
        registryMismatches: [],
      });
      expect(verify.code).toBe(0);
    });

    it("Given reservations from before the registries were chained, When one's holder is moved by a one-row UPDATE, Then no chain shows it but the cross-check names the reference (exit 1)", async () => {
      const file = join(dir, 'events.sqlite');
      await storeWithChildren(file, children);
      const db = new Database(file);
      db.prepare(
        "UPDATE events SET data = json_set(data, '$.childId', 'child-b') WHERE stream_id = 'child-ref-C1'",
      ).run();
      db.close();

      const verify = await cli(['audit', 'verify-store'], { CARE_JOURNEY_SQLITE_FILE: file });
      expect(verify.code).toBe(1);
      const check = JSON.parse(verify.out);
      expect(check.brokenChains).toEqual([]);
      expect(
        check.registryMismatches.map(
          (m: { rule: string; stream: string; childId: string }) => `${m.rule} ${m.stream} ${m.childId}`,
        ),
      ).toEqual(['carried-but-not-held child-ref-C1 child-a', 'held-but-never-carried child-ref-C1 child-b']);
    });

    it("Given one child's journey deleted from the file, When verify-store runs, Then every chain holds but it fails, naming the missing positions and the journey (exit 1)", async () => {
      const file = join(dir, 'events.sqlite');
      await storeWithChildren(file, children);
      expect(deleteStream(file, 'journey-child-b')).toBe(4);

      const verify = await cli(['audit', 'verify-store'], { CARE_JOURNEY_SQLITE_FILE: file });
      expect(verify.code).toBe(1);
      const check = JSON.parse(verify.out);
      expect(check).toMatchObject({ events: 8, streams: 2, brokenChains: [] });
      expect(check.positionGaps).toEqual([{ from: '6', to: '9', events: 4 }]);
      expect(check.missingJourneys).toEqual([
        { streamId: 'journey-child-b', childId: 'child-b', reservedBy: 'child-ref-C2', reservedAt: longAgo },
      ]);
      expect(check.missing).toEqual([
        'positions 6–9 are missing from the log (4 events deleted: no restore left them unused)',
        expect.stringMatching(
          /^journey-child-b is missing: child-ref-C2 holds its reference for child child-b/,
        ),
      ]);
    });

    it("Given the log's last journey deleted (no hole: the tail), When verify-store runs, Then its reservation still names it (exit 1)", async () => {
      const file = join(dir, 'events.sqlite');
      await storeWithChildren(file, children);
      deleteStream(file, 'journey-child-c');

      const verify = await cli(['audit', 'verify-store'], { CARE_JOURNEY_SQLITE_FILE: file });
      expect(verify.code).toBe(1);
      const check = JSON.parse(verify.out);
      expect(check.positionGaps).toEqual([]);
      expect(check.missingJourneys.map((m: { streamId: string }) => m.streamId)).toEqual(['journey-child-c']);
    });

    it('Given a trail day deleted from the middle of the log, When verify-store runs, Then the hole is named (exit 1)', async () => {
      const file = join(dir, 'events.sqlite');
      await storeWithTrail(file);
      deleteStream(file, 'access-log-2026-01-05');

      const verify = await cli(['audit', 'verify-store'], { CARE_JOURNEY_SQLITE_FILE: file });
      expect(verify.code).toBe(1);
      expect(JSON.parse(verify.out)).toMatchObject({
        brokenChains: [],
        positionGaps: [{ from: '1', to: '2', events: 2 }],
      });
    });
  });

  describe('the 903-reference and UPN registries checked against the journeys (review s18-es F4)', () => {
    let seeded: string;
    beforeAll(async () => {
      seeded = join(mkdtempSync(join(tmpdir(), 'cj-registries-')), 'seeded.sqlite');
      const store = new SqliteEventStore({ file: seeded, synchronous: 'NORMAL' });
      try {
        await seedStore(store, { children: 6, seed: 'f4-registries', years: 2, yearEnding: '2025-03-31' });
      } finally {
        await store.close();
      }
    });
    afterAll(() => rmSync(join(seeded, '..'), { recursive: true, force: true }));

    /** A copy of the seeded store, `sql` run on it first (the reviewer's tampering by hand). */
    const tampered = (sql: (db: Database.Database) => void): string => {
      const file = join(dir, 'tampered.sqlite');
      copyFileSync(seeded, file);
      const db = new Database(file);
      try {
        sql(db);
      } finally {
        db.close();
      }
      return file;
    };
    /** The first two reservations of a registry: [stream, holder][]. */
    const firstTwo = (db: Database.Database, prefix: string): [string, string][] =>
      (
        db
          .prepare(
            "SELECT stream_id, json_extract(data, '$.childId') AS holder FROM events WHERE stream_id LIKE ? ORDER BY global_position LIMIT 2",
          )
          .all(`${prefix}%`) as { stream_id: string; holder: string }[]
      ).map(({ stream_id, holder }) => [stream_id, holder]);
    const moveHolder = (db: Database.Database, stream: string, to: string) =>
      expect(
        db
          .prepare("UPDATE events SET data = json_set(data, '$.childId', ?) WHERE stream_id = ?")
          .run(to, stream).changes,
      ).toBe(1);

    it('Given a seeded store untouched, When verify-store runs, Then every reservation agrees with its journey (exit 0)', async () => {
      const verify = await cli(['audit', 'verify-store'], { CARE_JOURNEY_SQLITE_FILE: tampered(() => {}) });
      expect(JSON.parse(verify.out)).toMatchObject({
        streams: 6,
        // Every reservation written since session 19 is chained.
        registryStreams: expect.any(Number),
        unchainedRegistryEvents: 0,
        brokenChains: [],
        missing: [],
        registryMismatches: [],
      });
      expect(JSON.parse(verify.out).registryStreams).toBeGreaterThanOrEqual(12);
      expect(verify.code).toBe(0);
    });

    it('Given a reservation written since the registries were chained, When its stamp is stripped (so it would pass as written before the chain), Then its chain is broken (exit 1; review s19-diff F4)', async () => {
      let stream = '';
      const file = tampered((db) => {
        [, [stream]] = firstTwo(db, 'child-ref-');
        expect(
          db
            .prepare("UPDATE events SET metadata = json_remove(metadata, '$.integrity') WHERE stream_id = ?")
            .run(stream).changes,
        ).toBe(1);
      });

      const verify = await cli(['audit', 'verify-store'], { CARE_JOURNEY_SQLITE_FILE: file });
      expect(JSON.parse(verify.out)).toMatchObject({ brokenChains: [stream], unchainedRegistryEvents: 0 });
      expect(verify.code).toBe(1);
    });

    it("Given a reference's holder moved to another child by a one-row UPDATE, When verify-store runs, Then its chain breaks and it fails naming the reference both ways (exit 1)", async () => {
      let moved: [string, string][] = [];
      const file = tampered((db) => {
        moved = firstTwo(db, 'child-ref-');
        moveHolder(db, moved[0][0], moved[1][1]);
      });
      const [[stream, holder], [, other]] = moved;

      const verify = await cli(['audit', 'verify-store'], { CARE_JOURNEY_SQLITE_FILE: file });
      expect(verify.code).toBe(1);
      const check = JSON.parse(verify.out);
      // Since the registries are chained the edit breaks the reference's chain too.
      expect(check).toMatchObject({ brokenChains: [stream], missing: [] });
      expect(check.registryMismatches).toHaveLength(2);
      expect(check.registryMismatches).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            registry: 'child-ref',
            stream,
            childId: holder,
            rule: 'carried-but-not-held',
          }),
          expect.objectContaining({
            registry: 'child-ref',
            stream,
            childId: other,
            rule: 'held-but-never-carried',
          }),
        ]),
      );
    });

    it("Given a UPN's holder moved to another child, When verify-store runs, Then it fails naming the UPN's stream (exit 1)", async () => {
      let moved: [string, string][] = [];
      const file = tampered((db) => {
        moved = firstTwo(db, 'upn-');
        moveHolder(db, moved[0][0], moved[1][1]);
      });
      const [[stream, holder], [, other]] = moved;

      const verify = await cli(['audit', 'verify-store'], { CARE_JOURNEY_SQLITE_FILE: file });
      expect(verify.code).toBe(1);
      expect(JSON.parse(verify.out).brokenChains).toEqual([stream]);
      const mismatches = JSON.parse(verify.out).registryMismatches;
      expect(mismatches).toHaveLength(2);
      expect(mismatches).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ registry: 'upn', stream, childId: holder, rule: 'carried-but-not-held' }),
          expect.objectContaining({
            registry: 'upn',
            stream,
            childId: other,
            rule: 'held-but-never-carried',
          }),
        ]),
      );
    });

    it("Given a registered child's reservation turned into a release, When verify-store runs, Then it fails naming the reference (exit 1)", async () => {
      let stream = '';
      let holder = '';
      const file = tampered((db) => {
        [[stream, holder]] = firstTwo(db, 'child-ref-');
        db.prepare(
          "UPDATE events SET type = 'ChildRefReleased', data = json_set(data, '$.reason', 'x') WHERE stream_id = ?",
        ).run(stream);
      });

      const verify = await cli(['audit', 'verify-store'], { CARE_JOURNEY_SQLITE_FILE: file });
      expect(verify.code).toBe(1);
      expect(JSON.parse(verify.out).brokenChains).toEqual([stream]);
      expect(JSON.parse(verify.out).registryMismatches).toEqual([
        expect.objectContaining({ stream, childId: holder, rule: 'carried-but-not-held' }),
      ]);
    });
  });
});
