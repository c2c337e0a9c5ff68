import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILE_RECHECK_MS } from '../watched-file';
import { RevokedTokens } from './revoked-tokens';

const ID = '0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e47';
const OTHER_ID = '6c0f3d1e-2b4a-4f8e-9a7b-1c2d3e4f5a6b';

describe('RevokedTokens: the file the API reads, read again when it changes, looked at once a second', () => {
  let dir: string;
  let file: string;
  const logger = { error: jest.fn(), log: jest.fn() };
  /** The clock the file's re-check interval runs on. */
  let clock = 0;
  /** As an operator's tool writes it: a whole new file moved into place. */
  const write = (text: string) => {
    writeFileSync(`${file}.new`, text);
    renameSync(`${file}.new`, file);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-revoked-'));
    file = join(dir, 'revoked');
    clock = 0;
    logger.error.mockReset();
    logger.log.mockReset();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given no file is configured, Then nothing is revoked', () => {
    expect(new RevokedTokens(undefined).current().revokes({ id: ID, subject: 'a' })).toBe(false);
  });

  it('Given a missing file or a bad line at start-up, Then it refuses to start, naming the file (and the line)', () => {
    expect(() => new RevokedTokens(file, logger)).toThrow(
      `cannot read the revoked-tokens file ${file} (ENOENT)`,
    );
    write('id nope\n');
    expect(() => new RevokedTokens(file, logger)).toThrow(`${file}:1: the token id must be`);
  });

  it('Given the file changes, Then the new revocations are in force after the next look, without a restart', () => {
    write('');
    const revoked = new RevokedTokens(file, logger, { now: () => clock });
    expect(revoked.current().revokes({ id: ID, subject: 'a' })).toBe(false);
    write(`id ${ID}\n`);
    revoked.lookNow();
    expect(revoked.current().revokes({ id: ID, subject: 'a' })).toBe(true);
    expect(revoked.current().revokes({ id: OTHER_ID, subject: 'a' })).toBe(false);
  });

  it('Given requests, Then a change is in force once a second has passed since the last look, not before', () => {
    write('');
    const revoked = new RevokedTokens(file, logger, { now: () => clock });
    write(`id ${ID}\n`);
    for (clock = 0; clock < FILE_RECHECK_MS; clock += 10)
      expect(revoked.current().revokes({ id: ID, subject: 'a' })).toBe(false);
    // The request that finds the last look a second old looks, and is answered from what it finds.
    clock = FILE_RECHECK_MS;
    expect(revoked.current().revokes({ id: ID, subject: 'a' })).toBe(true);
  });

  it('Given the file becomes bad or disappears, Then the revocations read before stay in force and the error is logged once', () => {
    write(`id ${ID}\n`);
    const revoked = new RevokedTokens(file, logger, { now: () => clock });
    write(`id ${ID}\nuser bob before tomorrow\n`);
    revoked.lookNow();
    revoked.lookNow();
    expect(revoked.current().revokes({ id: ID, subject: 'a' })).toBe(true);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0][0]).toContain(`${file}:2:`);
    unlinkSync(file);
    revoked.lookNow();
    expect(revoked.current().revokes({ id: ID, subject: 'a' })).toBe(true);
    expect(logger.error).toHaveBeenCalledTimes(2);
    write(`id ${ID}\nuser bob before 2026-11-27T00:00:00Z\n`);
    revoked.lookNow();
    expect(revoked.current().revokes({ subject: 'bob', issuedAt: 0 })).toBe(true);
  });
});
