import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeReport } from './write-report';

describe('writeReport (the import report CSV)', () => {
  it('Given an issue echoing a source cell that starts like a formula, When the report is written, Then the cell is text behind a quote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-report-'));
    try {
      const path = join(dir, 'report.csv');
      await writeReport(
        [
          {
            severity: 'error',
            file: 'header.csv',
            line: 2,
            child: '=HYPERLINK("x")',
            field: 'UPN',
            reason: '-x is not a UPN',
          },
        ],
        path,
      );
      expect(readFileSync(path, 'utf8')).toBe(
        'severity,file,line,child,field,reason\nerror,header.csv,2,"\'=HYPERLINK(""x"")",UPN,\'-x is not a UPN\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Given no report folder yet, When the report is written, Then the file is 0600 and the folder it creates 0700 (it names children and echoes their dates)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-report-'));
    const saved = process.umask(0o022);
    try {
      const path = join(dir, 'reports', 'imp.csv');
      await writeReport([], path);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'reports')).mode & 0o777).toBe(0o700);
    } finally {
      process.umask(saved);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Given a world-readable report from an earlier run, When the report is written over it, Then it is made 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-report-'));
    try {
      const path = join(dir, 'imp.csv');
      writeFileSync(path, 'old\n', { mode: 0o644 });
      await writeReport([], path);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(readFileSync(path, 'utf8')).toBe('severity,file,line,child,field,reason\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
