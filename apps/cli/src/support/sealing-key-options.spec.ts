import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKUP_KEY_PASSPHRASE_VARIABLE, openingKeyOption } from './sealing-key-options';

/** Review2 L1: the private key's passphrase does not stay in the environment once read. */
describe('openingKeyOption', () => {
  let dir: string;
  let lockedKey: string;
  const saved = process.env[BACKUP_KEY_PASSPHRASE_VARIABLE];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-opening-key-'));
    lockedKey = join(dir, 'locked-private.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
    writeFileSync(
      lockedKey,
      privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right one' }),
    );
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env[BACKUP_KEY_PASSPHRASE_VARIABLE];
    else process.env[BACKUP_KEY_PASSPHRASE_VARIABLE] = saved;
  });

  it.each([
    ['the right passphrase: the key opens', 'right one', true],
    ['a wrong passphrase: refused', 'wrong one', false],
  ])('%s, and the variable is gone from the environment', (_name, passphrase, opens) => {
    process.env[BACKUP_KEY_PASSPHRASE_VARIABLE] = passphrase;
    const option = openingKeyOption(lockedKey);
    expect(option.key !== undefined).toBe(opens);
    if (!opens) expect(option.problem).toMatch(BACKUP_KEY_PASSPHRASE_VARIABLE);
    expect(BACKUP_KEY_PASSPHRASE_VARIABLE in process.env).toBe(false);
  });
});
