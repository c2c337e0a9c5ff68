import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

const metadata = { recordedAt: '2025-01-01T00:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 };
const event = (id: string): NewEvent => ({ id, type: 'Noted', data: { text: 'x'.repeat(200) }, metadata });

describe('SQLite online backup', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cj-backup-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finishes while another connection appends without pause, and copies a prefix of the log', async () => {
    // Given a log of a few hundred pages, and a second connection (another process, in life)
    // appending on every turn of the event loop
    const file = join(dir, 'events.db');
    const writer = new SqliteEventStore({ file, synchronous: 'NORMAL' });
    await writer.appendToStream(
      'seed',
      Array.from({ length: 3_000 }, (_, i) => event(`seed-${i}`)),
      { expectedRevision: 'no_stream' },
    );
    // Bounded, so a backup that cannot finish fails this spec instead of hanging the run.
    const stopAt = Date.now() + 10_000;
    let appending = true;
    let appended = 0;
    const appendForever = async (): Promise<void> => {
      while (appending && Date.now() < stopAt) {
        await writer.appendToStream(`live-${appended}`, [event(`live-${appended}`)], {
          expectedRevision: 'no_stream',
        });
        appended++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const appends = appendForever();
    const reader = new SqliteEventStore({ file });
    let finishedWhileAppending = false;
    try {
      // When the other connection backs up (copied 100 pages per step, every append restarted it)
      await reader.backup(join(dir, 'copy.db'));
      finishedWhileAppending = Date.now() < stopAt;
    } finally {
      appending = false;
      await appends;
      await reader.close();
    }
    // Then the copy is whole and is the log as it was at one moment
    const copy = new SqliteEventStore({ file: join(dir, 'copy.db') });
    const copied: string[] = [];
    for await (const recorded of copy.readAll()) copied.push(recorded.id);
    await copy.close();
    const live: string[] = [];
    for await (const recorded of writer.readAll()) live.push(recorded.id);
    await writer.close();
    expect(finishedWhileAppending).toBe(true);
    expect(appended).toBeGreaterThan(0);
    expect(copied.length).toBeGreaterThanOrEqual(3_000);
    expect(copied).toEqual(live.slice(0, copied.length));
  }, 20_000);
});
