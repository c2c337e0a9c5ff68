/**
 * Read models tied to the event log they were projected from (review F2): a read-model file whose
 * checkpoint the log never reached, or that names other events, is projected again from position
 * 0 instead of being resumed after its checkpoint (which skipped every new event up to it).
 * Real SQLite event stores and a real read-model file, all temporary.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { appendAfterPosition, SqliteEventStore } from '@care-journey/event-store/sqlite';
import { appendEvents, appendInterleaved, eventually, sampleCohort, tempDir } from '../testing/log-fixtures';
import { journey } from '../testing/journey-builder';
import { ProjectionEngine } from './projection-engine';

describe('read models tied to their event log', () => {
  let temp: ReturnType<typeof tempDir>;
  let readModelFile: string;
  const stores: SqliteEventStore[] = [];
  const engines: ProjectionEngine[] = [];
  const logLines: string[] = [];

  const openStore = (name: string): SqliteEventStore => {
    const store = new SqliteEventStore({ file: join(temp.dir, name), pollIntervalMs: 5 });
    stores.push(store);
    return store;
  };
  const engineOn = (store: SqliteEventStore, mode: 'inline' | 'worker' = 'inline'): ProjectionEngine => {
    const e = new ProjectionEngine(store, {
      file: readModelFile,
      mode,
      batchSize: 7,
      restartDelayMs: 20,
      rebuildThreads: 1,
      log: (line) => logLines.push(line),
    });
    engines.push(e);
    return e;
  };
  const caughtUp = async (e: ProjectionEngine, store: SqliteEventStore): Promise<void> => {
    const head = await store.headPosition();
    await eventually(async () => head === undefined || (await e.lag()).lag === '0');
  };
  /** Read models projected from `store` to its head, then the engine closed (the file is kept). */
  const projectAll = async (store: SqliteEventStore): Promise<void> => {
    const e = engineOn(store);
    e.start();
    await caughtUp(e, store);
    await e.close();
    engines.splice(engines.indexOf(e), 1);
  };
  const registerLate = async (store: SqliteEventStore, childId: string): Promise<bigint> =>
    (
      await appendEvents(
        store,
        childId,
        journey(childId).registered('2024-01-01').startCare('2024-02-01').events,
      )
    ).globalPosition;

  beforeEach(() => {
    temp = tempDir('cj-log-tie-');
    readModelFile = join(temp.dir, 'read-models.db');
    logLines.length = 0;
  });

  afterEach(async () => {
    for (const e of engines.splice(0)) await e.close();
    for (const s of stores.splice(0)) await s.close();
    temp.remove();
  });

  it('Given read models projected past the head of a restored (shorter) log, When the projector starts, Then they are projected again from 0 and a new child reaches them', async () => {
    // Given: the lost store's read models, projected to its head; the backup holds only its start.
    const lost = openStore('lost.db');
    await appendInterleaved(lost, sampleCohort(3, 'early'));
    const backup = join(temp.dir, 'backup.db');
    await lost.close();
    copyFileSync(join(temp.dir, 'lost.db'), backup);
    const lostAgain = openStore('lost.db');
    await appendInterleaved(lostAgain, sampleCohort(4, 'late'));
    await projectAll(lostAgain);
    const restored = openStore('backup.db');
    expect((await restored.headPosition())!).toBeLessThan((await lostAgain.headPosition())!);

    // When: the projector starts on the restored log, and a child is registered there.
    const e = engineOn(restored);
    const before = e.readModels.currentGeneration();
    e.start();
    const written = await registerLate(restored, 'after-restore');

    // Then: read-your-writes waits for the child, which is in the read models; the lost events are not.
    expect(await e.waitForPosition(written, 5000)).toBe(true);
    expect(e.summary('after-restore')).toBeDefined();
    expect(e.readModels.childIds()).toEqual(['after-restore', 'early0', 'early1', 'early2']);
    expect(e.readModels.currentGeneration()).toBeGreaterThan(before);
    const lag = await e.lag();
    expect(lag).toMatchObject({ checkpoint: written.toString(), lag: '0' });
    expect(lag.misaligned).toBeUndefined();
    expect(lag.realigned).toMatchObject({
      generation: lag.generation,
      discarded: before,
      reason: 'checkpoint past the head of the log',
    });
    expect(logLines.join('\n')).toMatch(
      new RegExp(
        `read models in ${readModelFile} do not belong to this event log: checkpoint \\d+ is past the head`,
      ),
    );
  });

  it('Given a restore that continues after the lost head (the default), When the projector starts on read models of the lost log, Then it finds no event at their checkpoint and projects again', async () => {
    const lost = openStore('lost.db');
    await appendInterleaved(lost, sampleCohort(2, 'early'));
    await lost.close();
    copyFileSync(join(temp.dir, 'lost.db'), join(temp.dir, 'backup.db'));
    const lostAgain = openStore('lost.db');
    await appendInterleaved(lostAgain, sampleCohort(2, 'late'));
    await projectAll(lostAgain);
    const lostHead = (await lostAgain.headPosition())!;
    // As `restore` records it: positions up to the lost head are not given out again.
    const marker = appendAfterPosition(
      join(temp.dir, 'backup.db'),
      'store-restores',
      {
        id: 'restore-marker',
        type: 'StoreRestored',
        data: {},
        metadata: { recordedAt: '2026-11-27T00:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 },
      },
      lostHead,
    );
    expect(marker).toBe(lostHead + 1n);
    const restored = openStore('backup.db');

    const e = engineOn(restored);
    e.start();
    const written = await registerLate(restored, 'after-restore');
    expect(await e.waitForPosition(written, 5000)).toBe(true);
    expect(e.readModels.childIds()).toEqual(['after-restore', 'early0', 'early1']);
    expect((await e.lag()).realigned?.reason).toBe('the log holds no event at the checkpoint');
  });

  it('Given read models of another log that is longer, When the projector starts, Then the other events at the checkpoint are noticed and the read models projected again', async () => {
    const other = openStore('other.db');
    await appendInterleaved(other, sampleCohort(2, 'theirs'));
    await projectAll(other);
    const mine = openStore('mine.db');
    await appendInterleaved(mine, sampleCohort(5, 'ours'));
    expect((await mine.headPosition())!).toBeGreaterThan((await other.headPosition())!);

    const e = engineOn(mine);
    e.start();
    await caughtUp(e, mine);
    expect(e.readModels.childIds()).toEqual(['ours0', 'ours1', 'ours2', 'ours3', 'ours4']);
    expect((await e.lag()).realigned?.reason).toBe('the log holds other events at the checkpoint');
  });

  it('Given read models of this log, When the projector restarts, Then it resumes in the same generation, tied to the last event it applied', async () => {
    const store = openStore('events.db');
    await appendInterleaved(store, sampleCohort(3));
    await projectAll(store);
    const e = engineOn(store);
    const generation = e.readModels.currentGeneration();
    const last = (await store.headPosition())!;
    const [lastEvent] = await readFrom(store, last - 1n);
    expect(e.readModels.logTie()).toEqual({
      generation,
      checkpoint: last,
      tiedTo: { position: last, eventId: lastEvent.id },
    });
    e.start();
    const written = await registerLate(store, 'next');
    expect(await e.waitForPosition(written, 5000)).toBe(true);
    expect(e.readModels.currentGeneration()).toBe(generation);
    expect((await e.lag()).realigned).toBeUndefined();
    expect(logLines.join('\n')).not.toMatch(/do not belong/);
  });

  it('Given a read-model file from before ties existed, When the projector starts on its log, Then it carries on and ties the checkpoint; on another log it is projected again', async () => {
    const store = openStore('events.db');
    await appendInterleaved(store, sampleCohort(3));
    await projectAll(store);
    dropTieColumns(readModelFile);

    const e = engineOn(store);
    const generation = e.readModels.currentGeneration();
    const checkpoint = e.readModels.checkpoint()!;
    expect(e.readModels.logTie()).toEqual({ generation, checkpoint });
    e.start();
    await e.waitForPosition(checkpoint, 5000);
    expect(e.readModels.currentGeneration()).toBe(generation);
    expect(e.readModels.logTie()?.tiedTo?.position).toBe(checkpoint);
    await e.close();
    engines.splice(engines.indexOf(e), 1);

    // The same old-format file against a shorter log: past its head, so projected again.
    dropTieColumns(readModelFile);
    const shorter = openStore('shorter.db');
    await appendInterleaved(shorter, sampleCohort(1, 'short'));
    const again = engineOn(shorter);
    again.start();
    await caughtUp(again, shorter);
    expect(again.readModels.childIds()).toEqual(['short0']);
  });

  it('Given a worker-mode reader of misaligned read models, Then lag says so (the whole log behind) until a projector realigns them', async () => {
    const longer = openStore('longer.db');
    await appendInterleaved(longer, sampleCohort(4));
    await projectAll(longer);
    const shorter = openStore('shorter.db');
    await appendInterleaved(shorter, sampleCohort(1, 'short'));
    const head = (await shorter.headPosition())!;

    const reader = engineOn(shorter, 'worker');
    expect(await reader.lag()).toMatchObject({
      lag: head.toString(),
      misaligned: { reason: 'checkpoint past the head of the log', remedy: expect.stringMatching(/rebuild/) },
    });
    // Nor does read-your-writes take the stale checkpoint for the log's.
    expect(await reader.waitForPosition(head, 50)).toBe(false);

    const projector = engineOn(shorter);
    projector.start();
    await caughtUp(projector, shorter);
    const lag = await reader.lag();
    expect(lag).toMatchObject({ lag: '0', checkpoint: head.toString() });
    expect(lag.misaligned).toBeUndefined();
    expect(lag.realigned?.reason).toBe('checkpoint past the head of the log');
    expect(await reader.waitForPosition(head, 5000)).toBe(true);
  });

  it('Given misaligned read models, When a read-your-writes wait comes while the projector is still checking them, Then it is not answered from their checkpoint', async () => {
    const longer = openStore('longer.db');
    await appendInterleaved(longer, sampleCohort(4));
    await projectAll(longer);
    const shorter = openStore('shorter.db');
    await appendInterleaved(shorter, sampleCohort(1, 'short'));
    // The log answers the check only when the spec lets it (a slow store).
    let answer = (): void => undefined;
    const gate = new Promise<void>((resolve) => (answer = resolve));
    const slow = Object.create(shorter) as SqliteEventStore;
    slow.headPosition = async () => {
      await gate;
      return shorter.headPosition();
    };
    const e = engineOn(slow);
    const stale = e.checkpoint()!;
    e.start();
    const early = await e.waitForPosition(stale, 50);
    answer();
    expect(early).toBe(false);
    const written = await registerLate(shorter, 'after');
    expect(await e.waitForPosition(written, 5000)).toBe(true);
    expect(e.summary('after')).toBeDefined();
  });

  it('Given a rebuild, Then the generation it makes is tied to the log as well', async () => {
    const store = openStore('events.db');
    await appendInterleaved(store, sampleCohort(4));
    const e = engineOn(store, 'worker');
    const done = await e.rebuildAndWait();
    const head = (await store.headPosition())!;
    const [lastEvent] = await readFrom(store, head - 1n);
    expect(e.readModels.logTie()).toEqual({
      generation: done.generation,
      checkpoint: head,
      tiedTo: { position: head, eventId: lastEvent.id },
    });
  });
});

async function readFrom(store: SqliteEventStore, after: bigint) {
  const events = [];
  for await (const event of store.readAll({ fromPosition: after, maxCount: 1 })) events.push(event);
  return events;
}

/** A read-model file as written before the log tie existed: no tie columns. */
function dropTieColumns(file: string): void {
  const db = new Database(file);
  try {
    db.exec(
      `ALTER TABLE checkpoints DROP COLUMN event_position; ALTER TABLE checkpoints DROP COLUMN event_id;`,
    );
  } finally {
    db.close();
  }
}
