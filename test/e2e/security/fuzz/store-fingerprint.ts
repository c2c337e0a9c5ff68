import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * The store, byte for byte: a digest of the database file and its WAL, plus a digest of every
 * row (so a difference can be told apart from a checkpoint moving pages between the two files).
 */
export function storeFingerprint(file: string): { files: string; rows: string; events: number } {
  const files = createHash('sha256');
  for (const part of [file, `${file}-wal`])
    files.update(existsSync(part) ? readFileSync(part) : Buffer.alloc(0));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = createHash('sha256');
    let events = 0;
    for (const row of db.prepare('SELECT * FROM events ORDER BY global_position').iterate()) {
      rows.update(
        JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
      );
      events += 1;
    }
    return { files: files.digest('hex'), rows: rows.digest('hex'), events };
  } finally {
    db.close();
  }
}
