import { rmSync } from 'node:fs';

/** Removes a SQLite database with its WAL/SHM files (the WAL may hold its last commits). */
export function removeWithWal(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}
