import { defaultReadModelFile } from '@care-journey/projections';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { type RecordedEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { registerBackupCommand } from '../../apps/cli/src/commands/backup.command';
import { registerRestoreCommand } from '../../apps/cli/src/commands/restore.command';
import { startTestApp, type TestApp } from '../e2e/support/test-app';
import { tokenFor } from '../e2e/support/tokens';
import type { LedgerEntry } from './support/command-ledger';
import { runJourneyWriter } from './support/journey-writer';
import { readSummaries } from './support/read-model-compare';
import { waitUntil } from '../contract/support/events';
import { allEvents } from './support/stream-events';

/** Runs one CLI command in-process with the given environment; returns its output and exit code. */
async function cli(args: string[], env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  delete process.env.CARE_JOURNEY_READMODEL_FILE;
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((text) => (out.push(String(text)), true));
  const stderr = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((text) => (err.push(String(text)), true));
  process.exitCode = 0;
  try {
    const program = new Command().exitOverride();
    registerBackupCommand(program);
    registerRestoreCommand(program);
    await program.parseAsync(['node', 'care-journey', ...args]);
    return { out: out.join(''), err: err.join(''), code: process.exitCode ?? 0 };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = 0;
    process.env = saved;
  }
}

const readAll = async (file: string): Promise<RecordedEvent[]> => {
  const store = new SqliteEventStore({ file });
  try {
    return await allEvents(store);
  } finally {
    await store.close();
  }
};
const idsOf = (events: RecordedEvent[]) => events.map((e) => `${e.globalPosition}:${e.id}`);

describe('care-journey backup and restore', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp();
    dir = dirname(t.sqliteFile);
  });
  afterAll(async () => t.close());

  it('backs up online while writers append: the copy is a consistent prefix of the log and restores whole', async () => {
    const ledger: LedgerEntry[] = [];
    const token = tokenFor('social_worker', 'writer');
    let writing = true;
    const writers = Array.from({ length: 4 }, (_, w) =>
      runJourneyWriter(t.baseUrl, token, `b${w}`, ledger, () => !writing),
    );
    // Back up once the writers have 25 commands acknowledged (stored), however long a loaded machine takes.
    const acknowledged = () => ledger.filter((entry) => entry.status === 201).length;
    try {
      await waitUntil(() => acknowledged() >= 25, '25 acknowledged writes before the backup', 30_000);
    } catch (error) {
      writing = false;
      await Promise.all(writers);
      throw error;
    }
    const storedBeforeBackup = ledger.filter((entry) => entry.status === 201).flatMap((e) => e.eventIds);
    const backupFile = join(dir, 'backups', 'copy.db');
    const backup = await cli(['backup', backupFile], { CARE_JOURNEY_SQLITE_FILE: t.sqliteFile });
    writing = false;
    await Promise.all(writers);
    expect(backup).toMatchObject({ code: 0, err: '' });
    expect(backup.out).toMatch(/backed up \d+ events .* every hash chain verifies/);

    const copy = await readAll(backupFile);
    const live = await readAll(t.sqliteFile);
    expect(copy.length).toBeGreaterThan(20);
    // Every write acknowledged before the backup began is in the copy.
    expect(storedBeforeBackup.length).toBeGreaterThanOrEqual(25);
    expect(copy.map((e) => e.id)).toEqual(expect.arrayContaining(storedBeforeBackup));
    // A snapshot: exactly the first N events of the live log, nothing torn, nothing from later.
    expect(idsOf(copy)).toEqual(idsOf(live.slice(0, copy.length)));

    const restoredFile = join(dir, 'restored', 'journeys.db');
    // A copy beside the live store: no job reads it, so its positions may follow the backup's.
    const restore = await cli(['restore', backupFile, '--reuse-positions'], {
      CARE_JOURNEY_SQLITE_FILE: restoredFile,
    });
    expect(restore).toMatchObject({ code: 0, err: '' });
    expect(restore.out).toMatch(/restored \d+ events[\s\S]*rebuilt .*read-models\.db/);
    // The copy's events, then the restore's own record right after the backup's head.
    const restored = await readAll(restoredFile);
    expect(idsOf(restored.slice(0, -1))).toEqual(idsOf(copy));
    const marker = restored[restored.length - 1];
    expect(marker).toMatchObject({ streamId: 'store-restores', type: 'StoreRestored' });
    expect(marker.globalPosition).toBe(copy[copy.length - 1].globalPosition + 1n);
    const readModels = readSummaries(defaultReadModelFile(restoredFile));
    expect(readModels.checkpoint).toBe(marker.globalPosition.toString());
    expect(Object.keys(readModels.summaries).length).toBe(
      new Set(copy.map((e) => e.streamId).filter((s) => s.startsWith('journey-'))).size,
    );
    process.stdout.write(
      `backup under load: ${copy.length} of ${live.length} events at the moment of the copy; restored and rebuilt\n`,
    );
  }, 60_000);

  it('refuses to overwrite without --force, and keeps the replaced store beside the new one', async () => {
    const backupFile = join(dir, 'backups', 'second.db');
    expect((await cli(['backup', backupFile], { CARE_JOURNEY_SQLITE_FILE: t.sqliteFile })).code).toBe(0);
    const again = await cli(['backup', backupFile], { CARE_JOURNEY_SQLITE_FILE: t.sqliteFile });
    expect(again).toMatchObject({ code: 1, err: expect.stringMatching(/exists; pass --force/) });

    const target = join(dir, 'restored-2', 'journeys.db');
    expect(
      (
        await cli(['restore', backupFile, '--reuse-positions', '--no-rebuild'], {
          CARE_JOURNEY_SQLITE_FILE: target,
        })
      ).code,
    ).toBe(0);
    const refused = await cli(['restore', backupFile], { CARE_JOURNEY_SQLITE_FILE: target });
    expect(refused).toMatchObject({ code: 1, err: expect.stringMatching(/pass --force/) });
    const forced = await cli(['restore', backupFile, '--force', '--no-rebuild'], {
      CARE_JOURNEY_SQLITE_FILE: target,
    });
    expect(forced.code).toBe(0);
    expect(readdirSync(dirname(target)).some((name) => name.startsWith('journeys.db.before-restore-'))).toBe(
      true,
    );
  }, 30_000);

  it('refuses a file that is not an event store, and EventStoreDB (which has its own backup)', async () => {
    const target = join(dir, 'restored-3', 'journeys.db');
    const notAStore = await cli(['restore', __filename], { CARE_JOURNEY_SQLITE_FILE: target });
    expect(notAStore).toMatchObject({ code: 1, err: expect.stringMatching(/is not a SQLite database/) });
    expect(existsSync(target)).toBe(false);
    const esdb = await cli(['backup', join(dir, 'x.db')], {
      CARE_JOURNEY_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
    });
    expect(esdb).toMatchObject({ code: 1, err: expect.stringMatching(/EventStoreDB with its own tools/) });
  });
});
