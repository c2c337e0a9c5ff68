/**
 * Which event store a read-model file belongs to (review s12-ops F2). Two stores pointed at one
 * read-model file (an explicit CARE_JOURNEY_READMODEL_FILE shared by a live store and a training
 * copy, a restore rehearsal, a store moved aside) would each find the other's read models, drop them
 * through the log tie and start again, in turn, and meanwhile serve the other store's children. So
 * the file records its store in `meta` the first time a process opens the pair, and a process of
 * another store is refused instead of projecting into it.
 *
 * The store is named by its absolute path (SQLite only: an EventStoreDB log is not recorded). A path
 * was chosen over an id kept in the store because the mix-ups above are copies of one store, which
 * would carry the same id. The recorded store is taken over, with a line to log, when it is no longer
 * there (the store was moved or renamed) or when the file is this store's own default
 * (`<store>.read-models.db`, copied or moved with its store): only an explicit file shared with a
 * store that still exists is refused.
 */
import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { StoreConfig } from '@care-journey/event-store';
import {
  defaultReadModelFile,
  READMODEL_FILE_VARIABLE,
  ReadModelConfigError,
  SQLITE_FILE_VARIABLE,
} from './read-model-config';
import { ReadModelFile } from './read-model-store-file';
import { SHARED_SCHEMA } from './read-model-schema';

export const STORE_KEY = 'event_store';

/** What a read-model file records of its store. */
interface RecordedStore {
  kind: 'sqlite';
  file: string;
}

/** The path the store is known by: symbolic links resolved when it exists, so two spellings agree. */
function storePath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

/** Whether two paths name one file (a bind mount or a hard link spelt another way). */
function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a, { bigint: true }), statSync(b, { bigint: true })];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

const exists = (file: string): boolean => {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
};

/**
 * Records `store` as the owner of `readModelFile`, or checks that it is. Throws a
 * ReadModelConfigError naming CARE_JOURNEY_READMODEL_FILE and both stores when the file belongs to
 * another store that still exists; returns a line for the caller to log when it took the file over.
 */
export function claimReadModelFile(store: StoreConfig, readModelFile: string): { takenOver?: string } {
  if (store.kind !== 'sqlite' || store.file === ':memory:' || readModelFile === ':memory:') return {};
  const ours = storePath(store.file);
  const file = resolve(readModelFile);
  const opened = new ReadModelFile(file);
  try {
    return opened.write(() => {
      opened.db.exec(SHARED_SCHEMA);
      const row = opened.db.prepare(`SELECT value FROM meta WHERE key = ?`).get(STORE_KEY) as
        { value: string } | undefined;
      const recorded = row ? (JSON.parse(row.value) as RecordedStore) : undefined;
      if (recorded?.file === ours || (recorded && sameFile(recorded.file, ours))) return {};
      const record = (): void => {
        const value: RecordedStore = { kind: 'sqlite', file: ours };
        opened.db
          .prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`)
          .run(STORE_KEY, JSON.stringify(value));
      };
      if (recorded === undefined) {
        record();
        return {};
      }
      const ownDefault = file === resolve(defaultReadModelFile(store.file));
      if (exists(recorded.file) && !ownDefault)
        throw new ReadModelConfigError(
          READMODEL_FILE_VARIABLE,
          `${file} holds the read models of the event store ${recorded.file}, not of ${ours} (${SQLITE_FILE_VARIABLE}): ` +
            `two stores sharing one read-model file wipe and feed each other's read models. Give this store a file of its own ` +
            `(unset ${READMODEL_FILE_VARIABLE} for ${defaultReadModelFile(ours)} beside it), or delete ${file} if ${recorded.file} no longer uses it`,
        );
      record();
      const again = 'the log tie starts them again if they do not match its log';
      return {
        takenOver: ownDefault
          ? `the read models in ${file}, named after ${ours}, were recorded for the event store ${recorded.file} (copied with it?): ${ours} takes them over; ${again}`
          : `the read models in ${file} were recorded for the event store ${recorded.file}, which is no longer there (moved or renamed?): they now belong to ${ours}; ${again}`,
      };
    });
  } finally {
    opened.close();
  }
}
