import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatRevocation, parseRevocations, type Revocation, type RevocationList } from './revocation-list';

const HEADER = [
  '# Revoked Care Journey tokens: read by the API (CARE_JOURNEY_REVOKED_TOKENS), written by `care-journey token revoke`.',
  '#   id <token id>                    one token (its jti)',
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
    const existing = readIfExists(file);
    if (existing !== undefined) parseRevocations(existing, file);
    const before = existing === undefined || existing === '' ? HEADER : withFinalNewline(existing);
    writeAtomically(file, `${before}${formatRevocation(entry)}\n`);
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
