import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreUnavailable } from '../errors';
import { SqliteEventStore } from './sqlite-event-store';

const metadata = { recordedAt: '2026-01-05T10:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 };
const note = () => [{ id: randomUUID(), type: 'Noted', data: {}, metadata }];

const moveAside = (file: string, to: string) => {
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(file + suffix)) renameSync(file + suffix, to + suffix);
};

async function headOf(file: string): Promise<bigint | undefined> {
  const store = new SqliteEventStore({ file });
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

describe.each(['same-thread', 'thread'] as const)(
  'a store whose file was moved or replaced while open refuses to write (%s writer)',
  (writer) => {
    let dir: string;
    let file: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'cj-replaced-'));
      file = join(dir, 'events.db');
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('Given the file moved aside and another put in its place, When appending, Then StoreUnavailable and neither file gets the event', async () => {
      const running = new SqliteEventStore({ file, writer });
      try {
        await running.appendToStream('notes', note(), { expectedRevision: 'no_stream' });
        moveAside(file, join(dir, 'aside.db'));
        const replacement = new SqliteEventStore({ file });
        await replacement.appendToStream('other', note(), { expectedRevision: 'no_stream' });
        await replacement.close();

        const append = running.appendToStream('notes', note(), { expectedRevision: 'any' });
        await expect(append).rejects.toThrow(StoreUnavailable);
        await expect(running.appendToStream('notes', note(), { expectedRevision: 'any' })).rejects.toThrow(
          /events\.db was replaced by another file since this process opened it/,
        );
      } finally {
        await running.close();
      }
      expect(await headOf(join(dir, 'aside.db'))).toBe(1n);
      expect(await headOf(file)).toBe(1n);
    });

    it('Given the file moved away with nothing in its place, When appending, Then it refuses naming the move', async () => {
      const running = new SqliteEventStore({ file, writer });
      try {
        await running.appendToStream('notes', note(), { expectedRevision: 'no_stream' });
        moveAside(file, join(dir, 'aside.db'));
        await expect(running.appendToStream('notes', note(), { expectedRevision: 'any' })).rejects.toThrow(
          /was moved or deleted since this process opened it/,
        );
      } finally {
        await running.close();
      }
      expect(await headOf(join(dir, 'aside.db'))).toBe(1n);
    });
  },
);
