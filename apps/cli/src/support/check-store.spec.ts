import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chainEvents, chainTipAfter } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { checkStoreEvents } from './check-store';

const metadata = { recordedAt: '2026-01-05T10:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 };

describe('checkStoreEvents on a store whose positions are not dense (EventStoreDB)', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cj-check-store-'));
    file = join(dir, 'events.db');
    const store = new SqliteEventStore({ file });
    try {
      for (const [ref, childId] of [
        ['C1', 'a'],
        ['C2', 'b'],
      ]) {
        await store.appendToStream(
          `child-ref-${ref}`,
          [{ id: `r-${ref}`, type: 'ChildRefReserved', data: { childRef: ref, childId }, metadata }],
          { expectedRevision: 'no_stream' },
        );
        const stream = `journey-${childId}`;
        const events = [{ id: `e-${childId}`, type: 'Noted', data: { childId }, metadata }];
        await store.appendToStream(stream, chainEvents(chainTipAfter(stream, undefined), events), {
          expectedRevision: 'no_stream',
        });
      }
    } finally {
      await store.close();
    }
    const db = new Database(file);
    db.prepare("DELETE FROM events WHERE stream_id = 'journey-a'").run();
    db.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a journey deleted whole, When checked without dense positions, Then no hole is looked for but its reservation still names it', async () => {
    const store = new SqliteEventStore({ file });
    try {
      const check = await checkStoreEvents(store, { densePositions: false });
      expect(check.positionGaps).toBeUndefined();
      expect(check.missingJourneys).toEqual([
        { streamId: 'journey-a', childId: 'a', reservedBy: 'child-ref-C1', reservedAt: metadata.recordedAt },
      ]);
      expect(check.missing).toEqual([expect.stringMatching(/^journey-a is missing: child-ref-C1/)]);

      const dense = await checkStoreEvents(store, { densePositions: true });
      expect(dense.positionGaps).toEqual([{ from: '2', to: '2', events: 1 }]);
      expect(dense.missing).toHaveLength(2);
    } finally {
      await store.close();
    }
  });
});
