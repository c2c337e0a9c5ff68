/** The import report: one CSV line per issue (severity, file, line, child, field, reason). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { csvText } from '@care-journey/projections';
import { REPORT_COLUMNS, type ImportIssue } from './issues';

export async function writeReport(issues: readonly ImportIssue[], path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
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
    'utf8',
  );
}
