import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { isSealedFile, openSealedFile, readOpeningKey, readWholeStream } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { useCliSpecStore } from '../testing/cli-spec-store';
import { registerAuditCommand } from './audit.command';

/** Review s15 F9: a child's whole record, signed, sealed before it leaves the host. */
describe('care-journey audit export --encrypt-to', () => {
  const cli = useCliSpecStore({
    prefix: 'audit-export-sealed-',
    seeded: true,
    env: { CARE_JOURNEY_AUDIT_KEY: 'k'.repeat(40) },
  });
  const pair = generateKeyPairSync('rsa', { modulusLength: 3072 });
  let publicPem: string;
  let privatePem: string;
  beforeEach(() => {
    publicPem = join(cli.dir, 'public.pem');
    privatePem = join(cli.dir, 'private.pem');
    writeFileSync(publicPem, pair.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(privatePem, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  });

  const audit = async (...args: string[]) => {
    cli.output = '';
    cli.errors = '';
    process.exitCode = undefined;
    const program = new Command('care-journey').exitOverride();
    registerAuditCommand(program);
    await program.parseAsync(['node', 'care-journey', 'audit', ...args]);
  };
  const trailEntries = async () => {
    const store = new SqliteEventStore({ file: cli.file, synchronous: 'NORMAL' });
    try {
      return (await readWholeStream(store, `access-log-${new Date().toISOString().slice(0, 10)}`)) ?? [];
    } finally {
      await store.close();
    }
  };

  it('Given --encrypt-to, When a bundle is exported, Then the file is sealed, holds none of the record in plaintext, and once opened verifies', async () => {
    const out = join(cli.dir, 'bundle.json.sealed');
    await audit('export', '--child', 'c1', '--out', out, '--by', 'carol', '--encrypt-to', publicPem);
    expect(cli.errors).toMatch(
      /^wrote .*: 7 events, chain head .*, signed with key .*; sealed to the key sha256:[0-9a-f]{64}\n$/,
    );
    expect(await trailEntries()).toHaveLength(1); // the read is recorded as for a plain bundle
    expect(isSealedFile(out)).toBe(true);
    const opened = join(cli.dir, 'bundle.json');
    await openSealedFile(out, opened, readOpeningKey(privatePem, undefined, 'PASS'));
    // Not 'Sam' alone: 3 bytes turn up in random-looking sealed bytes by chance (size / 2^24).
    const child = '"name": "Sam"';
    expect(readFileSync(opened).includes(child)).toBe(true);
    expect(readFileSync(out).includes(child)).toBe(false);
    expect(JSON.parse(readFileSync(opened, 'utf8'))).toMatchObject({ childId: 'c1', exportedBy: 'carol' });
    await audit('verify-bundle', opened);
    expect(JSON.parse(cli.output)).toMatchObject({ ok: true, signature: 'valid' });
  });

  it('Given a private key to --encrypt-to, Then it is refused before the record is read: no file, no trail entry', async () => {
    const out = join(cli.dir, 'bundle.json.sealed');
    await expect(
      audit('export', '--child', 'c1', '--out', out, '--by', 'carol', '--encrypt-to', privatePem),
    ).rejects.toThrow(`--encrypt-to: ${privatePem} holds a private key`);
    expect(existsSync(out)).toBe(false);
    expect(await trailEntries()).toEqual([]);
  });
});
