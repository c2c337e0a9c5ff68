/**
 * Child process for the crash spec: import-process.fixture.ts <store file> <dir> <now>.
 * Prints "started", then "imported <n>" after each child, then "done".
 */
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { import903 } from '../import903';

async function main(): Promise<void> {
  const [file, dir, now] = process.argv.slice(2);
  const store = new SqliteEventStore({ file });
  process.stdout.write('started\n');
  await import903(store, dir, {
    now,
    onProgress: (p) => {
      if (p.phase === 'import') process.stdout.write(`imported ${p.children}\n`);
    },
  });
  await store.close();
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
