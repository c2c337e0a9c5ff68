/**
 * Child process for sqlite-writer.spec: `<file>`. Appends once, prints "appended", and leaves the
 * store open: the process must still exit by itself (an idle writer thread holds nothing open).
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../sqlite-event-store';

const store = new SqliteEventStore({ file: process.argv[2], writer: 'thread' });
const metadata = { recordedAt: '2024-05-01T09:00:00.000Z', recordedBy: 'idle-store', schemaVersion: 1 };
void store
  .appendToStream('idle', [{ id: randomUUID(), type: 'Idle', data: {}, metadata }], {
    expectedRevision: 'no_stream',
  })
  .then((result) => process.stdout.write(`appended ${result.globalPosition}\n`));
