import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { processAlive } from '@care-journey/projections';
import { removeWithWal } from './remove-with-wal';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The plaintext copies a killed `backup` (`<store>.backup-<pid>`) or `restore`
 * (`<store>.restoring-<pid>`, and its sealed-open partial) left beside the store, whose process no
 * longer runs: removed, each named on stderr. A running process's copy is left alone, and so is a
 * restore's `.rejected` copy (kept on purpose for inspection). Returns the files removed.
 */
export function removeLeftoverCopies(
  store: string,
  isAlive: (pid: number) => boolean = processAlive,
): string[] {
  const pattern = new RegExp(
    `^(${escaped(basename(store))}\\.(?:backup|restoring)-(\\d+)(?:\\.partial-\\d+)?)(?:-wal|-shm)?$`,
  );
  const left = new Map<string, number>(); // a copy's name (its -wal/-shm go with it) -> its process
  for (const name of readdirSync(dirname(store))) {
    const match = pattern.exec(name);
    if (match) left.set(match[1], Number(match[2]));
  }
  const removed: string[] = [];
  for (const [name, pid] of left) {
    if (pid === process.pid || isAlive(pid)) continue;
    const file = join(dirname(store), name);
    removeWithWal(file);
    removed.push(file);
    process.stderr.write(`removed ${file}: a plaintext copy left by process ${pid}, which no longer runs\n`);
  }
  return removed;
}
