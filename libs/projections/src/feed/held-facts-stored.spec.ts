/**
 * What a consumer holds beside a child's view is kept with the child's read model (`feed_held`), so
 * a projector that reads the child again from the file (a restart, another writer, a child no longer
 * kept in memory) writes the same log as one pass over the whole log: a rebuild, read from 0.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import type { StoredJourneyEvent } from '@care-journey/journey';
import { toStoredJourneyEvent } from '../engine/journey-event-record';
import { ReadModelStore, type StreamSource } from '../engine/read-model-store';
import { tablesOf } from '../engine/read-model-schema';
import { journey } from '../testing/journey-builder';
import { appendInterleaved, tempDir } from '../testing/log-fixtures';
import type { LoggedChange } from './feed-page';
import { amendedTo, line, recordedOn } from './feed-of.spec-helper';

describe('feed: what the consumer holds, across a projector that reads the child again', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  const opened: ReadModelStore[] = [];

  beforeEach(() => {
    temp = tempDir('cj-feed-held-');
    store = new SqliteEventStore({ file: join(temp.dir, 'events.db'), pollIntervalMs: 5 });
  });

  afterEach(async () => {
    for (const r of opened.splice(0)) r.close();
    await store.close();
    temp.remove();
  });

  const readModels = (name: string): ReadModelStore => {
    const r = new ReadModelStore(join(temp.dir, name));
    opened.push(r);
    return r;
  };
  const comparable = (changes: LoggedChange[]) =>
    changes.map((c) => ({ ...c, position: c.position.toString() }));

  it('Given DR01 closed by the feed (an end of care recorded late, dated before the flag opened) and the projector restarted, When the end of care is amended to 15 October, Then the log is the one a single pass writes: the closing re-sent, the opening not', async () => {
    // In care from 1 September 2026 (DR01 due 29 September), recorded on 27 November.
    const b = recordedOn(journey('held').registered('2026-09-01').startCare('2026-09-01'), '2026-11-27');
    recordedOn(b.endCare('2026-09-20'), '2026-11-27');
    amendedTo(b, b.events.at(-1) as StoredJourneyEvent, '2026-10-15', '2026-11-28');
    await appendInterleaved(store, [b]);
    const log: RecordedEvent[] = [];
    for await (const event of store.readAll()) log.push(event);
    const streams: StreamSource = (childId, count) =>
      log
        .filter((event) => event.streamId === `journey-${childId}`)
        .slice(0, count)
        .map(toStoredJourneyEvent);

    const whole = readModels('whole.db');
    whole.applyBatch(whole.currentGeneration(), log, { requireCurrent: false, streams });

    const first = readModels('restarted.db');
    first.applyBatch(first.currentGeneration(), log.slice(0, -1), { requireCurrent: true, streams });
    first.close();
    const restarted = readModels('restarted.db');
    restarted.applyBatch(restarted.currentGeneration(), log.slice(-1), { requireCurrent: true, streams });

    const all = (r: ReadModelStore) => r.changesAfter(undefined, 1_000).changes;
    expect(comparable(all(restarted))).toEqual(comparable(all(whole)));
    const amendment = all(restarted).filter((c) => c.eventId === log.at(-1)?.id);
    // The end of care's own facts are updated too; DR01's closing is re-sent, its opening is not.
    expect(amendment.map((c) => line(c.change)).filter((l) => l.includes('DR01/'))).toEqual([
      'flag.closed DR01/2026-09-01 2026-09-29 2026-09-30 2026-10-15 no_longer_applies',
    ]);
  });

  it('Given a read-model file written before the held facts were kept, When it is opened, Then the column is added (nothing held) and the child is projected on', async () => {
    const b = recordedOn(journey('old').registered('2026-09-01').startCare('2026-09-01'), '2026-11-27');
    recordedOn(b.endCare('2026-09-20'), '2026-11-27');
    await appendInterleaved(store, [b]);
    const log: RecordedEvent[] = [];
    for await (const event of store.readAll()) log.push(event);
    const file = join(temp.dir, 'old.db');
    const before = readModels('old.db');
    before.applyBatch(before.currentGeneration(), log.slice(0, 2), { requireCurrent: true });
    const { summaries } = tablesOf(before.currentGeneration());
    before.close();
    const raw = new Database(file);
    raw.exec(`ALTER TABLE ${summaries} DROP COLUMN feed_held`);
    raw.close();
    const reopened = readModels('old.db');
    reopened.applyBatch(reopened.currentGeneration(), log.slice(2), { requireCurrent: true });
    const changes = reopened.changesAfter(undefined, 1_000).changes.map((c) => line(c.change));
    expect(changes.filter((l) => l.includes('DR01/'))).toEqual([
      'flag.opened DR01/2026-09-01 2026-09-29 2026-09-30',
      'flag.closed DR01/2026-09-01 2026-09-29 2026-09-30 2026-09-30 no_longer_applies',
    ]);
    const check = new Database(file, { readonly: true });
    const held = check.prepare(`SELECT feed_held FROM ${summaries} WHERE child_id = 'old'`).get() as {
      feed_held: string | null;
    };
    check.close();
    expect(JSON.parse(held.feed_held ?? '[]')).toHaveLength(2);
  });
});
