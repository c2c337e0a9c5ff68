/**
 * A rebuild writes exactly the read models the live projector writes from the same log: every
 * summary row (so every measure read from it), every change-log row and the checkpoint, on one
 * thread and split. The cohort is varied (random journeys with entries recorded late, corrections,
 * second periods of care, adoption; the sample cohort's temporary stays and retractions), and shapes
 * that stress a rebuild's per-child work: entries recorded months after their date (the feed's clock
 * runs ahead of the child's life, flags open by the passage of time), amendments that move a review
 * late (a breach superseded and closed by the step), and children with over 80 events; its
 * children interleaved event by event. The live projector takes the log in small batches, so
 * children are kept between batches and refolds read their streams back. Real files.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { lastValueFrom, toArray } from 'rxjs';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { addDays, type StoredJourneyEvent } from '@care-journey/journey';
import { journey, type JourneyBuilder } from '../testing/journey-builder';
import { appendInterleaved, eventually, sampleCohort, tempDir } from '../testing/log-fixtures';
import { randomJourneys, seeded } from '../testing/random-journeys';
import { ProjectionEngine } from './projection-engine';
import { ReadModelStore } from './read-model-store';
import { rebuildReadModels } from './rebuild';

/** Every row of the served generation's tables and its checkpoint, in key order. */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const { value } = db.prepare(`SELECT value FROM meta WHERE key = 'generation'`).get() as {
      value: string;
    };
    const rows = (sql: string): unknown[] => db.prepare(sql).raw(true).all();
    return {
      checkpoint: rows(
        `SELECT position, event_position, event_id FROM checkpoints WHERE generation = ${value}`,
      ),
      summaries: rows(`SELECT * FROM child_summaries_g${value} ORDER BY child_id`),
      changes: rows(`SELECT * FROM child_changes_g${value} ORDER BY position, idx`),
    };
  } finally {
    db.close();
  }
}

/**
 * Each entry recorded up to ~10 months after its date, never before the child's last recording:
 * the feed's clock (the later of the two dates) runs ahead of the child's life.
 */
function recordedLate(builders: JourneyBuilder[], seed: number): JourneyBuilder[] {
  const random = seeded(seed);
  for (const b of builders) {
    let last = '';
    for (const event of b.events) {
      const on = addDays(event.data.effectiveDate, Math.floor(random() * 300));
      if (on > last) last = on;
      (event as { recordedAt: string }).recordedAt = `${last}T12:00:00Z`;
    }
  }
  return builders;
}

/** An amendment of `target` to `effectiveDate` (the same entry, dated again). */
function amendDate(b: JourneyBuilder, target: StoredJourneyEvent, effectiveDate: string): JourneyBuilder {
  return b.add('EntryAmended', {
    effectiveDate,
    correctedEventId: target.id,
    reason: 'date typo',
    amendedData: { ...target.data, effectiveDate },
  });
}

/**
 * First reviews held late, or amended to be late: the first-review flag opens and the step closes
 * it, and the second review's deadline is re-dated (a breach the walk keeps as superseded).
 */
function lateReviews(): JourneyBuilder[] {
  return Array.from({ length: 6 }, (_, i) => {
    const start = `2023-0${i + 1}-02`;
    const b = journey(`late-review${i}`)
      .registered('2023-01-01', { dateOfBirth: '2014-05-01' })
      .startCare(start, 'C2')
      .move(addDays(start, 60 + i * 10));
    b.review(addDays(start, 15));
    const review = b.events.at(-1) as StoredJourneyEvent;
    b.review(addDays(start, 100));
    if (i % 2 === 0) amendDate(b, review, addDays(start, 45 + i));
    b.review(addDays(start, 280)).plan(addDays(start, 300), 'long_term_fostering');
    if (i % 3 === 0) amendDate(b, b.events[2], addDays(start, 20));
    return b;
  });
}

/** The cohort the read models are built from (see the file's comment). */
const cohort = (): JourneyBuilder[] => [
  ...randomJourneys(24, 24, 18),
  ...sampleCohort(12),
  ...recordedLate(randomJourneys(8, 24, 23), 5),
  ...lateReviews(),
  // Long lives: a child's batch of events, its walk and its flags over many entries.
  ...randomJourneys(2, 90, 41),
];

describe('a rebuild writes what the live projector writes', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let live: Record<string, unknown[]>;
  let files = 0;

  const rebuilt = async (threads: number, batchSize: number): Promise<Record<string, unknown[]>> => {
    const file = join(temp.dir, `rebuilt-${files++}.db`);
    const readModels = new ReadModelStore(file);
    try {
      const progress = await lastValueFrom(
        rebuildReadModels(store, readModels, { batchSize, threads, minEventsPerThread: 1 }).pipe(toArray()),
      );
      expect(progress.at(-1)).toMatchObject({ state: 'done', threads });
    } finally {
      readModels.close();
    }
    return dump(file);
  };

  beforeAll(async () => {
    temp = tempDir('cj-rebuild-live-');
    // Durability is not what this proves: NORMAL spares ~650 fsyncs (review s18-diff 4: the file took 18 s).
    store = new SqliteEventStore({
      file: join(temp.dir, 'events.db'),
      pollIntervalMs: 5,
      synchronous: 'NORMAL',
    });
    await appendInterleaved(store, cohort());
    const file = join(temp.dir, 'live.db');
    const engine = new ProjectionEngine(store, { file, mode: 'inline', batchSize: 7, restartDelayMs: 20 });
    try {
      engine.start();
      const head = await store.headPosition();
      await eventually(() => (engine.checkpoint() ?? -1n) >= (head ?? 0n), 60_000);
    } finally {
      await engine.close();
    }
    live = dump(file);
  }, 120_000);

  afterAll(async () => {
    await store.close();
    temp.remove();
  });

  it('Given the live read models of a varied cohort, Then they hold every child and many changes', () => {
    expect(live.summaries).toHaveLength(52);
    expect(live.changes.length).toBeGreaterThan(400);
    // The long lives hold over 80 events each (the bench cohort's longest).
    const counts = live.summaries.map((row) => Number((row as unknown[])[9]));
    expect(counts.filter((count) => count > 80)).toHaveLength(2);
    // Corrections and late entries made the feed withdraw and close what it had sent.
    const kinds = live.changes.map((row) => (JSON.parse((row as string[])[4]) as { kind: string }).kind);
    expect(kinds).toEqual(expect.arrayContaining(['change.withdrawn', 'flag.closed', 'flag.opened']));
  });

  it('Given late reviews and entries recorded late, Then the feed closed breaches by the step and as no longer applying', () => {
    const closed = live.changes
      .map((row) => JSON.parse((row as string[])[4]) as { kind: string; data?: { reason?: string } })
      .filter((change) => change.kind === 'flag.closed')
      .map((change) => change.data?.reason);
    expect(closed).toEqual(expect.arrayContaining(['step', 'no_longer_applies']));
  });

  it('Given the same log, When rebuilt on one thread, Then every row is the live one', async () => {
    expect(await rebuilt(1, 50)).toEqual(live);
  }, 60_000);

  it('Given the same log, When rebuilt split on two threads, Then every row is the live one', async () => {
    expect(await rebuilt(2, 13)).toEqual(live);
  }, 60_000);
});
