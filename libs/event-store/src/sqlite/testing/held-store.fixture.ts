/**
 * Child process for the store-in-use specs: `<file> store|restore`. Opens the store (or marks it
 * as being restored, as `care-journey restore` does), prints "held", and keeps it until a line
 * "close" arrives on stdin; then closes it, prints "closed" and exits.
 */
import { registerStoreUse } from '../store-in-use';
import { SqliteEventStore } from '../sqlite-event-store';

const [file, role] = process.argv.slice(2);
const release: () => Promise<void> =
  role === 'restore'
    ? (() => {
        const done = registerStoreUse(file, 'restore');
        return async () => done();
      })()
    : (() => {
        const store = new SqliteEventStore({ file });
        return () => store.close();
      })();
process.stdout.write('held\n');
process.stdin.on('data', (chunk: Buffer) => {
  if (!chunk.toString().includes('close')) return;
  void release().then(() => {
    process.stdout.write('closed\n');
    process.exit(0);
  });
});
