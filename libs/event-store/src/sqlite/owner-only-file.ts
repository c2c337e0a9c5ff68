import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Owner read/write only: the store holds children's records; no other account on the host reads it. */
export const OWNER_ONLY_FILE_MODE = 0o600;
export const OWNER_ONLY_DIR_MODE = 0o700;

/**
 * Creates `file` empty and owner-only (0600) if it does not exist yet, its missing folders 0700, so
 * SQLite opens a file nobody else can read: SQLite gives the -wal and -shm files the mode of the
 * database file. An existing file keeps its mode (an operator may have chosen one). ':memory:' is
 * left alone.
 */
export function createOwnerOnlyFile(file: string): void {
  if (file === ':memory:' || file === '') return;
  mkdirSync(dirname(file), { recursive: true, mode: OWNER_ONLY_DIR_MODE });
  // 'a' creates it with this mode, or opens an existing one untouched (no race with another opener).
  closeSync(openSync(file, 'a', OWNER_ONLY_FILE_MODE));
}
