import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RECHECK_MS, RevokedTokens } from './revoked-tokens';

const ID = '0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e47';
const OTHER_ID = '6c0f3d1e-2b4a-4f8e-9a7b-1c2d3e4f5a6b';

describe('RevokedTokens: the file the API reads, read again when it changes, never per request', () => {
  let dir: string;
  let file: string;
  const logger = { error: jest.fn(), log: jest.fn() };
  /** As an operator's tool writes it: a whole new file moved into place. */
  const write = (text: string) => {
    writeFileSync(`${file}.new`, text);
    renameSync(`${file}.new`, file);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-revoked-'));
    file = join(dir, 'revoked');
    logger.error.mockReset();
    logger.log.mockReset();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given no file is configured, Then nothing is revoked', () => {
    expect(new RevokedTokens(undefined).current(Date.now()).revokes({ id: ID, subject: 'a' })).toBe(false);
  });

  it('Given a missing file or a bad line at start-up, Then it refuses to start, naming the file (and the line)', () => {
    expect(() => new RevokedTokens(file, logger)).toThrow(
      `cannot read the revoked-tokens file ${file} (ENOENT)`,
    );
    write('id nope\n');
    expect(() => new RevokedTokens(file, logger)).toThrow(`${file}:1: the token id must be`);
  });

  it('Given the file changes, Then the new revocations are in force after the next look, without a restart', async () => {
    write('');
    const revoked = new RevokedTokens(file, logger, 0);
    expect(revoked.current(0).revokes({ id: ID, subject: 'a' })).toBe(false);
    write(`id ${ID}\n`);
    await revoked.refresh();
    expect(revoked.current(0).revokes({ id: ID, subject: 'a' })).toBe(true);
    expect(revoked.current(0).revokes({ id: OTHER_ID, subject: 'a' })).toBe(false);
  });

  it('Given requests, Then the file is looked at no more than once a second, in the background', async () => {
    write('');
    const revoked = new RevokedTokens(file, logger, 0);
    const refresh = jest.spyOn(revoked, 'refresh');
    for (let ms = 0; ms < RECHECK_MS; ms += 10) revoked.current(ms);
    expect(refresh).not.toHaveBeenCalled();
    write(`id ${ID}\n`);
    // The request that starts the look is answered from the list it already has.
    expect(revoked.current(RECHECK_MS).revokes({ id: ID, subject: 'a' })).toBe(false);
    expect(refresh).toHaveBeenCalledTimes(1);
    revoked.current(RECHECK_MS + 1); // a look is under way (or just done): not another one
    await refresh.mock.results[0].value;
    expect(revoked.current(RECHECK_MS + 2).revokes({ id: ID, subject: 'a' })).toBe(true);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('Given the file becomes bad or disappears, Then the revocations read before stay in force and the error is logged once', async () => {
    write(`id ${ID}\n`);
    const revoked = new RevokedTokens(file, logger, 0);
    write(`id ${ID}\nuser bob before tomorrow\n`);
    await revoked.refresh();
    await revoked.refresh();
    expect(revoked.current(0).revokes({ id: ID, subject: 'a' })).toBe(true);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0][0]).toContain(`${file}:2:`);
    unlinkSync(file);
    await revoked.refresh();
    expect(revoked.current(0).revokes({ id: ID, subject: 'a' })).toBe(true);
    expect(logger.error).toHaveBeenCalledTimes(2);
    write(`id ${ID}\nuser bob before 2026-11-27T00:00:00Z\n`);
    await revoked.refresh();
    expect(revoked.current(0).revokes({ subject: 'bob', issuedAt: 0 })).toBe(true);
  });
});
