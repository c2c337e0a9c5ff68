/** The import report: one CSV line per issue (severity, file, line, child, field, reason). */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { csvText } from '@care-journey/projections';
import { REPORT_COLUMNS, type ImportIssue } from './issues';

/**
 * Owner-only, like the store and the exports (README, "Files are owner-only"): the report names
 * children and echoes their dates and source values. A folder this creates is 0700.
 */
export async function writeReport(issues: readonly ImportIssue[], path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const rows = issues.map((i) => ({ ...i, line: i.line === 0 ? '' : String(i.line) }));
  await writeFile(
    path,
    // The child, field and reason echo the source files: never let a spreadsheet run them.
    stringify(rows, {
      header: true,
      columns: [...REPORT_COLUMNS],
      record_delimiter: '\n',
      cast: { string: csvText },
    }),
    { encoding: 'utf8', mode: 0o600 },
  );
  await chmod(path, 0o600); // a report replaced from an earlier run keeps its old mode otherwise
}
