import Database from 'better-sqlite3';

/**
 * The tables an existing SQLite file holds, read with the file opened read-only and closed again:
 * for a start-up check that a path names the kind of file it should (apps/api's store-files.ts
 * refuses a read-model file given as the store) without the caller opening SQLite itself.
 * Throws better-sqlite3's error (its `code`, e.g. SQLITE_NOTADB) when the file is missing or not
 * a SQLite database; nothing is created or written either way.
 */
export function sqliteTableNames(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as {
      name: string;
    }[];
    return rows.map((row) => row.name);
  } finally {
    db.close();
  }
}
