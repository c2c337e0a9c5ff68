import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  formatRevocation,
  isSpentRevocation,
  parseRevocations,
  type Revocation,
  type RevocationList,
} from './revocation-list';

const HEADER = [
  '# Revoked Care Journey tokens: read by the API (CARE_JOURNEY_REVOKED_TOKENS), written by `care-journey token revoke`.',
  '#   id <token id> [expires <instant>] one token (its jti), and when it expires (`token revoke --prune` then drops it)',
  '#   user <user id> before <instant>  every token of the user issued before the instant (or in its second)',
  '',
].join('\n');

/** The file's revocations; a file that does not exist yet has none. Errors name the file and line. */
export function readRevocations(file: string): RevocationList {
  return parseRevocations(readIfExists(file) ?? '', file);
}

/**
 * Adds one revocation to the file, atomically: the whole new file is written beside it (0600),
 * flushed, and renamed over it, so an API reading it sees the old file or the new one, never half.
 * The existing file must parse (else nothing is written and the error names its line). A lock file
 * beside it keeps two operators' revocations from overwriting each other.
 */
export function appendRevocation(file: string, entry: Revocation): void {
  withLock(file, () => {
    const existing = readIfExists(file);
    if (existing !== undefined) parseRevocations(existing, file);
    const before = existing === undefined || existing === '' ? HEADER : withFinalNewline(existing);
    writeAtomically(file, `${before}${formatRevocation(entry)}\n`);
  });
}

/**
 * Drops the `id` lines whose token has expired by `now` (their `expires` has passed: the API refuses
 * the token anyway), atomically and under the lock, as appendRevocation writes. Every other line
 * (comments, `user` lines, `id` lines without an expiry) is kept as it is. Returns what was dropped.
 */
export function pruneRevocations(file: string, now: Date): Revocation[] {
  return withLock(file, () => {
    const existing = readIfExists(file);
    if (existing === undefined) return [];
    parseRevocations(existing, file); // a bad line anywhere: nothing written, the error names it
    const dropped: Revocation[] = [];
    const kept = existing.split(/(?<=\n)/).filter((line) => {
      const [entry] = parseRevocations(line, file).entries;
      if (entry === undefined || !isSpentRevocation(entry, now)) return true;
      dropped.push(entry);
      return false;
    });
    if (dropped.length > 0) writeAtomically(file, kept.join(''));
    return dropped;
  });
}

/** Runs `write` holding FILE.lock, which keeps two operators from overwriting each other's lines. */
function withLock<T>(file: string, write: () => T): T {
  const lock = `${file}.lock`;
  let lockFd: number;
  try {
    lockFd = openSync(lock, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new Error(
        `another \`token revoke\` is writing ${file} (${lock} exists); if none is running, delete ${lock} and try again`,
      );
    throw error;
  }
  try {
    return write();
  } finally {
    closeSync(lockFd);
    unlinkSync(lock);
  }
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, file);
  // The rename itself survives a crash once the folder is flushed.
  const dirFd = openSync(dirname(file), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const withFinalNewline = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`);
