import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { isDeepStrictEqual } from 'node:util';
import { pollUntil } from '../../support/poll';

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

/**
 * The store's fingerprint once it holds still: two reads `everyMs` apart agree (what the app does
 * after its last answer, such as a WAL checkpoint, is over). Polled, not a fixed wait.
 */
export async function settledFingerprint(
  file: string,
  everyMs = 50,
): Promise<ReturnType<typeof storeFingerprint>> {
  let previous = storeFingerprint(file);
  const settled = await pollUntil(
    () => {
      const [earlier, now] = [previous, storeFingerprint(file)];
      previous = now;
      return Promise.resolve({ now, still: isDeepStrictEqual(earlier, now) });
    },
    (read) => read.still,
    { everyMs },
  );
  if (!settled.still) throw new Error('the store never held still');
  return settled.now;
}
