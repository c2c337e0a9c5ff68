/**
 * The change log on real SQLite files: written with the read model and its checkpoint in one
 * transaction, and the same after a rebuild or with other batch sizes (checkpoints stay valid).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import type { LoggedChange } from '../feed/feed-page';
import { journey } from '../testing/journey-builder';
import { appendEvents, appendInterleaved, eventually, sampleCohort, tempDir } from '../testing/log-fixtures';
import { ProjectionEngine } from './projection-engine';
import { toStoredJourneyEvent } from './journey-event-record';
import { ReadModelStore, StreamNeeded, type StreamSource } from './read-model-store';

const everything = (readModels: ReadModelStore): LoggedChange[] =>
  readModels.changesAfter(undefined, 1_000_000).changes;
const comparable = (changes: LoggedChange[]) =>
  changes.map((c) => ({ ...c, position: c.position.toString() }));

describe('change log', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let log: RecordedEvent[];
  const opened: { close(): unknown }[] = [];
  const readModels = (name: string): ReadModelStore => {
    const r = new ReadModelStore(join(temp.dir, name));
    opened.push(r);
    return r;
  };
  // The streams a refold reads (from the event store, in the engine): here, from the log itself.
  const streams: StreamSource = (childId, count) =>
    log
      .filter((event) => event.streamId === `journey-${childId}`)
      .slice(0, count)
      .map(toStoredJourneyEvent);
  const applyInBatches = (r: ReadModelStore, size: number): void => {
    for (let i = 0; i < log.length; i += size)
      r.applyBatch(r.currentGeneration(), log.slice(i, i + size), { requireCurrent: true, streams });
  };

  beforeEach(async () => {
    temp = tempDir('cj-change-log-');
    store = new SqliteEventStore({ file: join(temp.dir, 'events.db'), pollIntervalMs: 5 });
    await appendInterleaved(store, sampleCohort(15));
    log = [];
    for await (const event of store.readAll()) log.push(event);
  });

  afterEach(async () => {
    for (const o of opened.splice(0)) await o.close();
    await store.close();
    temp.remove();
    jest.restoreAllMocks();
  });

  it('logs what each event changed, keyed by position and index, in log order', () => {
    const r = readModels('a.db');
    applyInBatches(r, 1000);
    const changes = everything(r);
    expect(changes.length).toBeGreaterThan(15);
    const kinds = new Set(changes.map((c) => c.change.kind));
    for (const kind of ['care.started', 'placement.changed', 'flag.opened', 'change.withdrawn'])
      expect(kinds).toContain(kind);
    const order = changes.map((c) => [Number(c.position), c.index]);
    expect(order).toEqual([...order].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
    const byPosition = new Map(log.map((event) => [event.globalPosition, event.id]));
    for (const c of changes) expect(c.eventId).toBe(byPosition.get(c.position));
  });

  it('is the same whatever the batch size (incremental = one pass)', () => {
    const one = readModels('one.db');
    applyInBatches(one, 1000);
    const small = readModels('small.db');
    applyInBatches(small, 3);
    expect(comparable(everything(small))).toEqual(comparable(everything(one)));
  });

  it('a failing batch writes no changes, and its retry writes each exactly once', () => {
    const r = readModels('fail.db');
    const half = Math.floor(log.length / 2);
    r.applyBatch(r.currentGeneration(), log.slice(0, half), { requireCurrent: true, streams });
    const before = everything(r);
    const checkpoint = r.checkpoint();

    type Patchable = { applyToChild: (...args: unknown[]) => void };
    const prototype = ReadModelStore.prototype as unknown as Patchable;
    const original = prototype.applyToChild;
    const spy = jest.spyOn(prototype, 'applyToChild').mockImplementation(function (
      this: Patchable,
      ...args: unknown[]
    ) {
      original.apply(this, args); // this child's rows and changes are written, then the batch fails
      if (args[1] === 'child7') throw new Error('simulated crash');
    });
    const rest = log.slice(half);
    expect(() => r.applyBatch(r.currentGeneration(), rest, { requireCurrent: true, streams })).toThrow(
      'simulated crash',
    );
    expect(comparable(everything(r))).toEqual(comparable(before));
    expect(r.checkpoint()).toBe(checkpoint);
    expect(r.changesAfter(undefined, 1_000_000).checkpoint).toBe(checkpoint);

    spy.mockRestore();
    r.applyBatch(r.currentGeneration(), rest, { requireCurrent: true, streams });
    const full = readModels('full.db');
    applyInBatches(full, 1000);
    expect(comparable(everything(r))).toEqual(comparable(everything(full)));
  });

  it('live batches (children kept between them) write what one whole batch writes', async () => {
    // Back-dated and retracted entries refold: the kept fold is given its stream (`streams`).
    const late = journey('late-entries')
      .registered('2024-03-01')
      .startCare('2024-01-10')
      .review('2024-02-01')
      .move('2024-01-20')
      .plan('2024-04-01', 'adoption');
    await appendInterleaved(store, [late]);
    log = [];
    for await (const event of store.readAll()) log.push(event);
    const whole = readModels('whole.db');
    whole.applyBatch(whole.currentGeneration(), log, { requireCurrent: false, streams });
    for (const size of [1, 3]) {
      const live = readModels(`live-${size}.db`);
      applyInBatches(live, size);
      expect(comparable(everything(live))).toEqual(comparable(everything(whole)));
      for (const childId of whole.childIds()) {
        expect(live.summary(childId)).toEqual(whole.summary(childId));
      }
    }
  });

  it('a child written by another writer between live batches is read again from the file', () => {
    const file = join(temp.dir, 'shared.db');
    const ours = readModels('shared.db');
    const other = new ReadModelStore(file);
    opened.push(other);
    const whole = readModels('whole-shared.db');
    whole.applyBatch(whole.currentGeneration(), log, { requireCurrent: true, streams });
    const third = Math.floor(log.length / 3);
    ours.applyBatch(ours.currentGeneration(), log.slice(0, third), { requireCurrent: true, streams });
    other.applyBatch(other.currentGeneration(), log.slice(third, 2 * third), {
      requireCurrent: true,
      streams,
    });
    ours.applyBatch(ours.currentGeneration(), log.slice(2 * third), { requireCurrent: true, streams });
    expect(comparable(everything(ours))).toEqual(comparable(everything(whole)));
    for (const childId of whole.childIds()) expect(ours.summary(childId)).toEqual(whole.summary(childId));
  });

  it('a rebuild regenerates the same log, so consumers checkpoints stay valid', async () => {
    const engine = new ProjectionEngine(store, {
      file: join(temp.dir, 'live.db'),
      mode: 'inline',
      batchSize: 4,
    });
    opened.push(engine);
    engine.start();
    const head = await store.headPosition();
    await eventually(() => (engine.checkpoint() ?? -1n) >= (head ?? 0n));
    const live = comparable(everything(engine.readModels));
    const generation = engine.readModels.currentGeneration();
    await engine.rebuildAndWait();
    expect(engine.readModels.currentGeneration()).toBe(generation + 1);
    expect(comparable(everything(engine.readModels))).toEqual(live);
    // Resuming from a checkpoint taken before the rebuild gives exactly the rest.
    const middle = live[Math.floor(live.length / 2)];
    const rest = engine.readModels.changesAfter(
      { position: BigInt(middle.position), index: middle.index },
      1_000_000,
    );
    expect(comparable(rest.changes)).toEqual(live.slice(Math.floor(live.length / 2) + 1));
  });

  it('a refold without the stream it needs says which (and changes nothing); streamsNeeded names it first', () => {
    const whole = readModels('needs-whole.db');
    whole.applyBatch(whole.currentGeneration(), log, { requireCurrent: true, streams });
    const r = readModels('needs.db');
    const half = Math.floor(log.length / 2);
    r.applyBatch(r.currentGeneration(), log.slice(0, half), { requireCurrent: true, streams });
    const rest = log.slice(half);
    const wanted = r.streamsNeeded(r.currentGeneration(), rest);
    expect(wanted.length).toBeGreaterThan(0);
    const checkpoint = r.checkpoint();
    expect(() => r.applyBatch(r.currentGeneration(), rest, { requireCurrent: true })).toThrow(StreamNeeded);
    expect(r.checkpoint()).toBe(checkpoint);
    // Given exactly the streams it named, the batch applies as if it had every stream.
    const named = new Set(wanted.map((w) => `${w.childId}/${w.count}`));
    r.applyBatch(r.currentGeneration(), rest, {
      requireCurrent: true,
      streams: (childId, count) => (named.has(`${childId}/${count}`) ? streams(childId, count) : undefined),
    });
    expect(comparable(everything(r))).toEqual(comparable(everything(whole)));
    for (const childId of whole.childIds()) expect(r.summary(childId)).toEqual(whole.summary(childId));
  });

  it('streamsNeeded compares positions past 2^53 exactly (EventStoreDB positions are byte offsets)', async () => {
    // Given a child whose last applied event is at P = 2^53 + 8: a double holds P but not P + 1
    const child = journey('far')
      .registered('2020-01-01')
      .startCare('2020-02-01')
      .review('2020-05-01')
      .move('2020-03-01');
    await appendEvents(store, child.childId, child.events);
    const stored: RecordedEvent[] = [];
    for await (const event of store.readStream('journey-far')) stored.push(event);
    const P = 2n ** 53n + 8n;
    const far = stored.map((event, i) => ({
      ...event,
      globalPosition: i < 3 ? P - BigInt(2 - i) * 4n : P + 1n,
    }));
    const r = readModels('far.db');
    r.applyBatch(r.currentGeneration(), far.slice(0, 3), { requireCurrent: true, streams });
    // When the back-dated move, at P + 1, is looked at
    // Then its stream is wanted for a refold, not taken as applied already
    expect(r.streamsNeeded(r.currentGeneration(), far.slice(3))).toEqual([{ childId: 'far', count: 3 }]);
  });

  it('opens a file written with the per-child event copy: derives what it needs from it, then drops it', () => {
    const whole = readModels('copy-whole.db');
    whole.applyBatch(whole.currentGeneration(), log, { requireCurrent: true, streams });
    const file = join(temp.dir, 'copy.db');
    const r = new ReadModelStore(file);
    const half = Math.floor(log.length / 2);
    r.applyBatch(r.currentGeneration(), log.slice(0, half), { requireCurrent: true, streams });
    r.close();
    // Rewrite generation 1 as the older layout: summaries without the stream columns, plus the copy.
    const db = new Database(file);
    db.exec(`
      CREATE TABLE old (child_id TEXT PRIMARY KEY, child_ref TEXT NOT NULL, team TEXT, social_worker TEXT,
        legal_status TEXT, in_care INTEGER NOT NULL, date_of_birth TEXT, last_position INTEGER NOT NULL,
        summary TEXT NOT NULL);
      INSERT INTO old SELECT child_id, child_ref, team, social_worker, legal_status, in_care,
        date_of_birth, last_position, summary FROM child_summaries_g1;
      DROP TABLE child_summaries_g1;
      ALTER TABLE old RENAME TO child_summaries_g1;
      CREATE TABLE child_events_g1 (child_id TEXT NOT NULL, position INTEGER NOT NULL, event TEXT NOT NULL,
        PRIMARY KEY (child_id, position)) WITHOUT ROWID;
    `);
    const insert = db.prepare(`INSERT INTO child_events_g1 (child_id, position, event) VALUES (?, ?, ?)`);
    for (const event of log.slice(0, half))
      insert.run(
        event.streamId.slice('journey-'.length),
        event.globalPosition,
        JSON.stringify(toStoredJourneyEvent(event)),
      );
    db.close();
    const reopened = readModels('copy.db');
    const check = new Database(file, { readonly: true });
    const tables = check.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all();
    check.close();
    expect(tables).not.toContainEqual({ name: 'child_events_g1' });
    reopened.applyBatch(reopened.currentGeneration(), log.slice(half), { requireCurrent: true, streams });
    expect(comparable(everything(reopened))).toEqual(comparable(everything(whole)));
    for (const childId of whole.childIds()) expect(reopened.summary(childId)).toEqual(whole.summary(childId));
  });

  it('on a file projected before the log existed, says where the log starts', () => {
    const file = join(temp.dir, 'old.db');
    const r = new ReadModelStore(file);
    r.applyBatch(r.currentGeneration(), log.slice(0, 10), { requireCurrent: true, streams });
    r.close();
    // Simulate the older schema: the generation had no change log.
    const db = new Database(file);
    db.exec('DROP TABLE child_changes_g1');
    db.close();
    const reopened = readModels('old.db');
    expect(reopened.changesAfter(undefined, 10)).toMatchObject({
      changes: [],
      startsAfter: log[9].globalPosition,
    });
  });
});
