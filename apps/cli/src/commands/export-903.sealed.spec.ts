import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSealedFile, readOpeningKey } from '@care-journey/audit';
import { useCliSpecStore } from '../testing/cli-spec-store';
import { runExport903 } from '../testing/run-export-903';
import { seedChild } from '../testing/spec-children';

/** Review s15 F9: the 903 return, UPNs and dates of birth of every child in it, sealed file by file. */
describe('care-journey export-903 --encrypt-to', () => {
  const cli = useCliSpecStore({ prefix: 'cj-export-sealed-' });
  const pair = generateKeyPairSync('rsa', { modulusLength: 3072 });
  let publicPem: string;
  let privatePem: string;

  beforeEach(async () => {
    publicPem = join(cli.dir, 'public.pem');
    privatePem = join(cli.dir, 'private.pem');
    writeFileSync(publicPem, pair.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(privatePem, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await seedChild(cli.file, { childId: 'c1', childRef: 'CJ0001', inCareFrom: '2024-05-10' });
  });

  const exportTo = async (out: string, ...extra: string[]) => {
    cli.output = '';
    cli.errors = '';
    process.exitCode = undefined;
    await runExport903('2025-03-31', out, ...extra);
    const code = process.exitCode ?? 0;
    process.exitCode = undefined;
    return { code, out: cli.output, err: cli.errors };
  };

  it('Given --encrypt-to, When exported, Then every table is <file>.sealed, no CSV is in the folder, and each opens to the plain export', async () => {
    const plain = join(cli.dir, 'plain');
    const sealed = join(cli.dir, 'sealed');
    expect((await exportTo(plain)).code).toBe(0);
    const result = await exportTo(sealed, '--encrypt-to', publicPem);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(new RegExp(`^wrote \\d+ sealed files to ${sealed}: Header=1 `));
    const tables = readdirSync(plain).sort();
    expect(tables).toContain('header.csv');
    expect(readdirSync(sealed).sort()).toEqual(tables.map((file) => `${file}.sealed`));
    const opener = readOpeningKey(privatePem, undefined, 'PASS');
    for (const file of tables) {
      const bytes = readFileSync(join(sealed, `${file}.sealed`));
      expect(bytes.includes('CJ0001')).toBe(false);
      const opened = join(cli.dir, `opened-${file}`);
      await openSealedFile(join(sealed, `${file}.sealed`), opened, opener);
      expect(readFileSync(opened, 'utf8')).toBe(readFileSync(join(plain, file), 'utf8'));
    }
    expect(readFileSync(join(plain, 'header.csv'), 'utf8')).toContain('CJ0001');
  });

  it('Given a sealed header already there, When exported again without --force, Then nothing is written; with --force it is replaced', async () => {
    const sealed = join(cli.dir, 'sealed');
    await exportTo(sealed, '--encrypt-to', publicPem);
    writeFileSync(join(sealed, 'header.csv.sealed'), 'kept');
    const refused = await exportTo(sealed, '--encrypt-to', publicPem);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /^export-903: nothing written: .*header\.csv\.sealed, .* already exist; pass --force to replace them\n$/,
    );
    expect(readFileSync(join(sealed, 'header.csv.sealed'), 'utf8')).toBe('kept');
    expect((await exportTo(sealed, '--encrypt-to', publicPem, '--force')).code).toBe(0);
    expect(readFileSync(join(sealed, 'header.csv.sealed')).subarray(0, 8).toString()).toBe('CJSEALED');
  });

  it('Given a private key to --encrypt-to, Then nothing is written, saying why', async () => {
    const out = join(cli.dir, 'out');
    const result = await exportTo(out, '--encrypt-to', privatePem);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      `export-903: option '--encrypt-to <public-key.pem>': ${privatePem} holds a private key`,
    );
    expect(existsSync(out)).toBe(false);
  });
});
