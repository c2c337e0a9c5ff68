import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useCliSpecStore } from '../testing/cli-spec-store';
import { runExport903 } from '../testing/run-export-903';
import { seedChild } from '../testing/spec-children';

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe('care-journey export-903 --out: private files, never overwritten silently', () => {
  const cli = useCliSpecStore({ prefix: 'cj-export-files-' });
  let out: string;
  beforeEach(async () => {
    out = join(cli.dir, 'out');
    // A store holding one child (export-903 refuses a store with no journeys), none in the year's return.
    await seedChild(cli.file, { childId: 'c1', childRef: 'CJ0001' });
  });

  const exportYear = (...extra: string[]) => runExport903('2025-03-31', out, ...extra);

  it('Given a new folder, When exported, Then the folder is 0700 and every file 0600', async () => {
    await exportYear();
    expect(process.exitCode ?? 0).toBe(0);
    expect(modeOf(out)).toBe(0o700);
    expect(modeOf(join(out, 'header.csv'))).toBe(0o600);
    expect(modeOf(join(out, 'episodes.csv'))).toBe(0o600);
  });

  it('Given a header.csv already in --out, When exported without --force, Then nothing is written and the message names the file', async () => {
    await exportYear();
    writeFileSync(join(out, 'header.csv'), 'kept\n');
    process.exitCode = undefined;
    await exportYear();
    expect(process.exitCode).toBe(1);
    expect(readFileSync(join(out, 'header.csv'), 'utf8')).toBe('kept\n');
    expect(cli.errors).toContain(join(out, 'header.csv'));
    expect(cli.errors).toContain('pass --force to replace them');
  });

  it('Given files already there, When exported with --force, Then they are replaced and made 0600', async () => {
    await exportYear();
    writeFileSync(join(out, 'header.csv'), 'old\n', { mode: 0o644 });
    rmSync(join(out, 'episodes.csv'));
    writeFileSync(join(out, 'episodes.csv'), 'old\n', { mode: 0o644 });
    process.exitCode = undefined;
    await exportYear('--force');
    expect(process.exitCode ?? 0).toBe(0);
    expect(readFileSync(join(out, 'header.csv'), 'utf8')).not.toBe('old\n');
    expect(modeOf(join(out, 'episodes.csv'))).toBe(0o600);
  });

  it('Given --out under a file (no folder can be made there), When exported, Then it fails naming --out and the path, and writes nothing', async () => {
    writeFileSync(join(cli.dir, 'a-file'), 'x');
    out = join(cli.dir, 'a-file', 'out');
    await exportYear();
    expect(process.exitCode).toBe(1);
    expect(cli.errors).toContain(`export-903: --out ${out}: `);
    expect(cli.errors).toContain('no file of this return was written');
  });

  it('Given --la (which no table carries), When exported, Then it is refused, saying why, and nothing is written', async () => {
    await expect(exportYear('--la', 'E99')).rejects.toThrow(
      "export-903 takes no authority code: the return's files do not carry one",
    );
    expect(existsSync(out)).toBe(false);
  });
});
