/**
 * Whether a projector failure is the storage's (disk full, I/O error, read-only file, a lock held
 * too long, the event store unreachable) rather than an event's: then no event is to blame, and the
 * operator fixes the storage instead of looking for a defect in the event the batch happened to hold
 * (review s12-ops F11).
 */
import { StoreUnavailable } from '@care-journey/event-store';

/** SQLite result codes of the storage itself; extended codes (SQLITE_IOERR_WRITE…) count. */
const SQLITE_STORAGE_CODES = ['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_BUSY'];
/** File-system codes of a full or read-only disk. */
const FS_STORAGE_CODES = ['ENOSPC', 'EROFS', 'EIO'];

/** How deep a chain of `cause`s is followed (a wrapped SqliteError, a StoreUnavailable around one). */
const MAX_CAUSES = 5;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isStorageCode(code: string): boolean {
  return (
    SQLITE_STORAGE_CODES.some((storage) => code === storage || code.startsWith(`${storage}_`)) ||
    FS_STORAGE_CODES.includes(code)
  );
}

/** True when `error`, or an error it was caused by, is a failure of the storage. */
export function isStorageError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_CAUSES && current !== undefined && current !== null; depth++) {
    if (current instanceof StoreUnavailable) return true;
    const code = codeOf(current);
    if (code !== undefined && isStorageCode(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
