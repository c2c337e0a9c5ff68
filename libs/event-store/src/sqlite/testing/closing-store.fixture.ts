/**
 * Child process for sqlite-writer.spec: `<file>`. Appends once on the writer thread, awaits
 * close(), then prints "closed". Nothing else keeps the process alive, so it prints only if
 * close() holds the loop until the thread has exited.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../sqlite-event-store';

const store = new SqliteEventStore({ file: process.argv[2], writer: 'thread' });
const metadata = { recordedAt: '2024-05-01T09:00:00.000Z', recordedBy: 'closing-store', schemaVersion: 1 };
void store
  .appendToStream('closing', [{ id: randomUUID(), type: 'Closing', data: {}, metadata }], {
    expectedRevision: 'no_stream',
  })
  .then(() => store.close())
  .then(() => process.stdout.write('closed\n'));
