import { StoreUnavailable } from '../errors';

/**
 * SQLite result codes meaning "the store cannot be used right now" rather than a bug:
 * disk full, read-only file/dir, I/O error, cannot open, and a lock held past the busy timeout.
 */
const UNAVAILABLE_CODES = [
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_BUSY',
];
/** Node fs errors from creating the directory of the database file. */
const UNAVAILABLE_FS_CODES = ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOTDIR', 'EEXIST'];

function codeOf(error: unknown): string | undefined {
  if (error !== null && typeof error === 'object' && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** True when `error` is a SQLite/fs failure of the storage itself. Extended codes (SQLITE_IOERR_WRITE…) count. */
export function isUnavailableError(error: unknown): boolean {
  const code = codeOf(error);
  if (!code) return false;
  return (
    UNAVAILABLE_CODES.some((c) => code === c || code.startsWith(`${c}_`)) ||
    UNAVAILABLE_FS_CODES.includes(code)
  );
}

/** Wraps storage failures into the port's StoreUnavailable; anything else is rethrown as is. */
export function mapSqliteError(error: unknown, file: string, action: string): unknown {
  if (error instanceof StoreUnavailable) return error;
  if (isUnavailableError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new StoreUnavailable(
      `SQLite event store ${file}: cannot ${action} (${codeOf(error)}: ${message})`,
      error,
    );
  }
  return error;
}

export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
