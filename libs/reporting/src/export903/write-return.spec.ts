import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyReturn, TABLES, TABLE_NAMES, type Return903 } from './tables';
import { ReturnNotWritten, writeReturn, type TableWriter } from './write-return';

/** A return with one Header row, so this run's header.csv differs from last run's. */
const aReturn = (child: string): Return903 => ({
  ...emptyReturn(),
  Header: [{ CHILD: child, SEX: '1', DOB: '01/01/2015', ETHNIC: 'WBRI', UPN: 'UN1', MOTHER: '', MC_DOB: '' }],
});

/** A disk that fills up at the third table: its write fails as ENOSPC does, after a partial write. */
const fullAtThirdTable = (): TableWriter => {
  let calls = 0;
  return async (path, text) => {
    calls += 1;
    if (calls < 3) return writeFile(path, text, { mode: 0o600 });
    await writeFile(path, '', { mode: 0o600 });
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  };
};
const thirdFile = TABLES[TABLE_NAMES[2]].file;

describe('writeReturn: all of the return or none of it', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'write-return-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given an empty folder, When the disk fills up at the third table, Then no file is left and the error names that file', async () => {
    const out = join(dir, 'out');
    mkdirSync(out);

    const written = writeReturn(aReturn('C1'), out, { writeTable: fullAtThirdTable() });

    await expect(written).rejects.toThrow(ReturnNotWritten);
    await expect(writeReturn(aReturn('C1'), out, { writeTable: fullAtThirdTable() })).rejects.toThrow(
      `${join(out, thirdFile)}: ENOSPC: no space left on device, write; no file of this return was written`,
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('Given no folder yet, When the write fails, Then the folder it created is gone too, and a re-run is not blocked', async () => {
    const out = join(dir, 'out');

    await expect(writeReturn(aReturn('C1'), out, { writeTable: fullAtThirdTable() })).rejects.toThrow(
      thirdFile,
    );
    expect(readdirSync(dir)).toEqual([]);

    const files = await writeReturn(aReturn('C1'), out);
    expect(files).toHaveLength(TABLE_NAMES.length);
  });

  it("Given last run's files, When --force and the disk fills up, Then every file is last run's, unchanged", async () => {
    const out = join(dir, 'out');
    await writeReturn(aReturn('OLD'), out);
    const before = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));

    await expect(
      writeReturn(aReturn('NEW'), out, { force: true, writeTable: fullAtThirdTable() }),
    ).rejects.toThrow(ReturnNotWritten);

    expect(Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]))).toEqual(
      before,
    );
    expect(before['header.csv']).toContain('OLD');
  });

  it("Given last run's files, When --force succeeds, Then every table is this run's, 0600, and nothing else is left", async () => {
    const out = join(dir, 'out');
    await writeReturn(aReturn('OLD'), out);
    writeFileSync(join(out, 'notes.txt'), 'not ours');

    await writeReturn(aReturn('NEW'), out, { force: true });

    expect(readdirSync(out).sort()).toEqual([...TABLE_NAMES.map((n) => TABLES[n].file), 'notes.txt'].sort());
    expect(readFileSync(join(out, 'header.csv'), 'utf8')).toContain('NEW');
    for (const name of TABLE_NAMES) expect(statSync(join(out, TABLES[name].file)).mode & 0o777).toBe(0o600);
  });
});
