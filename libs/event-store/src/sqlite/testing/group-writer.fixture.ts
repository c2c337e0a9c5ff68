/**
 * Child process for the group-commit crash spec: `<file> <groups> <appendsPerGroup> <eventsPerAppend> <writer>`.
 * Fires each group's appends in one turn (so they share a commit) and prints "acked <stream>" as
 * each promise resolves; the spec kills it at random moments and checks every acked append survived.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../sqlite-event-store';

const [file, groups, perGroup, perAppend, writer] = process.argv.slice(2);
const store = new SqliteEventStore({ file, writer: writer === 'thread' ? 'thread' : 'same-thread' });
const metadata = { recordedAt: '2024-05-01T09:00:00.000Z', recordedBy: 'group-writer', schemaVersion: 1 };

async function run(): Promise<void> {
  // The writer thread is up (and at synchronous=FULL) before the spec's clock for the kill starts.
  const synchronous = await store.writerPragma('synchronous');
  process.stdout.write(`synchronous ${JSON.stringify(synchronous)}\n`);
  process.stdout.write('appending\n');
  for (let g = 0; g < Number(groups); g++) {
    const appends = Array.from({ length: Number(perGroup) }, (_, a) => {
      const stream = `g${g}-a${a}`;
      const events = Array.from({ length: Number(perAppend) }, (_, n) => ({
        id: randomUUID(),
        type: 'Grouped',
        data: { g, a, n, pad: 'x'.repeat(64) },
        metadata,
      }));
      return store.appendToStream(stream, events, { expectedRevision: 'no_stream' }).then(() => {
        process.stdout.write(`acked ${stream}\n`);
      });
    });
    await Promise.all(appends);
  }
  process.stdout.write('done\n');
}

void run();
