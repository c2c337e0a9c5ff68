import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
});
