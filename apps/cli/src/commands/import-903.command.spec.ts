import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { JOURNEY_SCHEMAS } from '@care-journey/journey';
import { registerImport903Command } from './import-903.command';

describe('care-journey import-903 refused at file level', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-import-cmd-'));
    process.env.CARE_JOURNEY_STORE = 'sqlite';
    process.env.CARE_JOURNEY_SQLITE_FILE = join(dir, 'data', 'events.db');
    mkdirSync(join(dir, 'data'));
    process.exitCode = undefined;
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    process.env = { ...saved };
    process.exitCode = undefined;
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('Given an episodes file whose DECOM column is misspelt, when imported, then it is refused and no store is created', async () => {
    const files = join(dir, 'in');
    mkdirSync(files);
    writeFileSync(
      join(files, 'header.csv'),
      'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,1,14/06/2015,WBRI,A123456789012,,\n',
    );
    writeFileSync(
      join(files, 'episodes.csv'),
      'CHILD,DECOMM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n' +
        'A1,01/05/2024,S,C1,N1,U6,PR1,,,,CB1 2AB,CB4 1AA,SC123456\n',
    );
    const report = join(dir, 'report.csv');
    const program = new Command().exitOverride();
    registerImport903Command(program);
    await program.parseAsync(['node', 'care-journey', 'import-903', files, '--report', report]);

    expect(process.exitCode).toBe(1);
    expect(readFileSync(report, 'utf8')).toMatch(/episodes\.csv/);
    expect(existsSync(join(dir, 'data', 'events.db'))).toBe(false);
  });

  it('Given CARE_JOURNEY_SCHEMA_WRITES=held and a build raising StatutoryReviewHeld to 2, when imported, then it does not run: exit 1, the reason on stderr, no store created', async () => {
    // Spec-only: every type is at 1 in this build; this file's modules are its own.
    JOURNEY_SCHEMAS.current.StatutoryReviewHeld = 2;
    try {
      process.env.CARE_JOURNEY_SCHEMA_WRITES = 'held';
      const program = new Command().exitOverride();
      registerImport903Command(program);
      await program.parseAsync(['node', 'care-journey', 'import-903', join(dir, 'in')]);
      expect(process.exitCode).toBe(1);
      expect(process.stderr.write).toHaveBeenCalledWith(
        expect.stringMatching(
          /^import-903: StatutoryReviewHeld v2 is written once every process reads it: set CARE_JOURNEY_SCHEMA_WRITES=current/,
        ),
      );
      expect(existsSync(join(dir, 'data', 'events.db'))).toBe(false);
    } finally {
      delete JOURNEY_SCHEMAS.current.StatutoryReviewHeld;
    }
  });
});
