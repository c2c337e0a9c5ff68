/**
 * The start-up check of the two files a projecting process opens, the event store and its read-model
 * file, shared by the API and apps/projector so both refuse the same mistakes with the same line.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { StoreConfig } from '@care-journey/event-store';
import { createOwnerOnlyFile, sqliteTableNames } from '@care-journey/event-store/sqlite';
import { READMODEL_FILE_VARIABLE, ReadModelConfigError, SQLITE_FILE_VARIABLE } from './read-model-config';
import { claimReadModelFile } from './read-model-store-owner';

type Env = Record<string, string | undefined>;

export const SQLITE_CREATE_VARIABLE = 'CARE_JOURNEY_SQLITE_CREATE';

/** CARE_JOURNEY_SQLITE_CREATE: `1` may create a missing store, `0` or unset may not. */
export function readCreateStore(env: Env): boolean {
  const raw = env[SQLITE_CREATE_VARIABLE]?.trim();
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new ReadModelConfigError(
    SQLITE_CREATE_VARIABLE,
    `allowed values are '1' (create a missing store) or '0' (default), got "${raw}"`,
  );
}

/** Tables only a read-model file holds: a store path pointing at one is a mix-up, not a log. */
const READ_MODEL_TABLES = ['meta', 'checkpoints'];

const uid = (): string => (process.getuid ? ` by uid ${process.getuid()}` : '');

/** An fs error as one line an operator can act on: the path, the code and what it means here. */
function cannotOpen(variable: string, file: string, error: unknown): ReadModelConfigError {
  const code =
    (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  const why: Record<string, string> = {
    ENOENT: `it cannot be created there: does the directory ${dirname(file)} exist and take new files?`,
    EACCES: `the file or the directory ${dirname(file)} is not writable${uid()}`,
    EPERM: `the file or the directory ${dirname(file)} is not writable${uid()}`,
    EROFS: 'the file system is read-only',
    EISDIR: 'it is a directory, not a file',
    ENOTDIR: 'a part of the path is a file, not a directory',
  };
  return new ReadModelConfigError(
    variable,
    `cannot open ${file} (${code}${why[code] ? `: ${why[code]}` : ''})`,
  );
}

/** The file (created if `create`) and its directory must be readable and writable: SQLite writes -wal beside it. */
function checkOpenable(variable: string, file: string, create: boolean): void {
  try {
    if (existsSync(file) && statSync(file).isDirectory())
      throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (create) createOwnerOnlyFile(file);
    accessSync(file, constants.R_OK | constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
  } catch (error) {
    throw cannotOpen(variable, file, error);
  }
}

/** Refuses a SQLite file holding read models (an easy mix-up: both are *.db in one directory). */
function checkHoldsNoReadModels(file: string): void {
  let tables: string[];
  try {
    tables = sqliteTableNames(file);
  } catch (error) {
    throw new ReadModelConfigError(
      SQLITE_FILE_VARIABLE,
      `${file} is not an event store (${(error as { code?: string }).code ?? (error as Error).message})`,
    );
  }
  const foreign = tables.filter((name) => READ_MODEL_TABLES.includes(name) || name.startsWith('child_'));
  if (foreign.length > 0)
    throw new ReadModelConfigError(
      SQLITE_FILE_VARIABLE,
      `${file} holds read models (tables ${foreign.join(', ')}), not an event log: point ${SQLITE_FILE_VARIABLE} at the store itself`,
    );
}

/**
 * The store and read-model files, checked before a process opens them (review s12-ops F7, F8): the
 * API before its modules start, apps/projector before its engine. A wrong path stops start-up with
 * one line naming the setting instead of a stack trace or, worse, a new empty store served as if it
 * were the authority's. A missing SQLite store is created only when asked (`createStore`:
 * CARE_JOURNEY_SQLITE_CREATE=1, `serve --create-store`, the demo). A read-model file that belongs to
 * another store is refused (read-model-store-owner.ts). Returns, for the caller to log at WARN, the
 * store file when it was created here and a read-model file taken over from a store moved away.
 */
export function checkStoreFiles(
  store: StoreConfig,
  readModelFile: string,
  { createStore }: { createStore: boolean },
): { created?: string; takenOver?: string } {
  const result: { created?: string; takenOver?: string } = {};
  if (store.kind === 'sqlite' && store.file !== ':memory:') {
    const file = resolve(store.file);
    if (readModelFile !== ':memory:' && file === resolve(readModelFile))
      throw new ReadModelConfigError(
        SQLITE_FILE_VARIABLE,
        `${file} is also the read-model file (${READMODEL_FILE_VARIABLE}); the store and its read models must be two files`,
      );
    const missing = !existsSync(file);
    if (missing && !createStore)
      throw new ReadModelConfigError(
        SQLITE_FILE_VARIABLE,
        `no event store at ${file} (a mistyped path, or a volume not mounted?). ` +
          `To start a new, empty store there, set ${SQLITE_CREATE_VARIABLE}=1 or run \`care-journey serve --create-store\``,
      );
    checkOpenable(SQLITE_FILE_VARIABLE, file, missing);
    if (missing) result.created = file;
    else checkHoldsNoReadModels(file);
  }
  if (readModelFile === ':memory:') return result;
  checkOpenable(READMODEL_FILE_VARIABLE, resolve(readModelFile), true);
  const { takenOver } = claimReadModelFile(store, readModelFile);
  return takenOver ? { ...result, takenOver } : result;
}
