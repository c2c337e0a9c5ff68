/**
 * Reads an import folder: every *.csv under it, grouped by the folder that holds it (one folder =
 * one year's return; a flat folder is one return). Each file is decoded, parsed and recognised by
 * its header. Problems with a whole file are file-level issues: the caller imports nothing then,
 * because any child could be missing rows from that file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { TableName } from '../export903/tables';
import { decodeUtf8 } from './decode-text';
import { parsePlainCsv } from './plain-csv';
import { detectTable } from './detect-table';
import { fileIssue, issueAt, type ImportIssue, type SourceRef } from './issues';
import { yearOfReturn } from './year-of-return';

export interface SourceRow {
  ref: SourceRef;
  /** Column → trimmed value. */
  values: Record<string, string>;
}

export interface TableFile {
  table: TableName;
  file: string;
  rows: SourceRow[];
}

export interface ReturnFiles {
  folder: string;
  yearEnding: string;
  tables: Partial<Record<TableName, TableFile>>;
}

export interface ReadResult {
  returns: ReturnFiles[];
  /** File-level errors (encoding, header, CSV syntax, missing tables): the run must not write. */
  fileIssues: ImportIssue[];
  /** Row-shape errors (wrong number of values): those children are not imported. */
  issues: ImportIssue[];
  rows: number;
}

async function csvFilesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.csv'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** One file → its table and rows, or issues. */
async function readTableFile(
  path: string,
  shown: string,
  issues: ImportIssue[],
  fileIssues: ImportIssue[],
): Promise<TableFile | undefined> {
  const decoded = decodeUtf8(await readFile(path));
  if (!decoded.ok) {
    fileIssues.push(fileIssue(shown, '(encoding)', decoded.reason));
    return undefined;
  }
  let records: ParsedRecord[];
  try {
    records =
      parsePlainCsv(decoded.text) ??
      (parse(decoded.text, {
        info: true,
        skip_empty_lines: true,
        relax_column_count: true,
        trim: true,
      }) as unknown as ParsedRecord[]);
  } catch (error) {
    fileIssues.push(
      fileIssue(
        shown,
        '(csv)',
        `not readable as CSV: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    return undefined;
  }
  if (records.length === 0) {
    fileIssues.push(fileIssue(shown, '(header)', 'the file is empty: no header row'));
    return undefined;
  }
  const header = records[0].record;
  const detected = detectTable(header);
  if (!detected.ok) {
    fileIssues.push({ ...fileIssue(shown, '(header)', detected.reason), line: records[0].info.lines });
    return undefined;
  }
  const childAt = header.indexOf('CHILD');
  const rowValues = valuesByColumn(header.map((column) => column.trim()));
  const rows: SourceRow[] = [];
  for (const { record, info } of records.slice(1)) {
    const ref = { file: shown, line: info.lines };
    if (record.length !== header.length) {
      issues.push(
        issueAt(
          ref,
          record[childAt] ?? '',
          '(row)',
          `has ${record.length} values, the header has ${header.length}`,
        ),
      );
      continue;
    }
    rows.push({ ref, values: rowValues(record) });
  }
  return { table: detected.table, file: shown, rows };
}

/**
 * A row's values keyed by the (trimmed) column names, assigned in a loop: ~6× cheaper than
 * `Object.fromEntries` of pairs made per row. detectTable has accepted only a 903 table's own
 * column names, each once, so no key repeats and none is `__proto__`.
 */
function valuesByColumn(columns: readonly string[]): (record: readonly string[]) => Record<string, string> {
  return (record) => {
    const values: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) values[columns[i]] = record[i];
    return values;
  };
}

export async function readReturns(root: string): Promise<ReadResult> {
  const issues: ImportIssue[] = [];
  const fileIssues: ImportIssue[] = [];
  const byFolder = new Map<string, TableFile[]>();
  let rows = 0;
  const files = await csvFilesUnder(root);
  if (files.length === 0) fileIssues.push(fileIssue(root, '(folder)', 'no .csv files found'));
  for (const path of files) {
    const table = await readTableFile(path, relative(root, path) || path, issues, fileIssues);
    if (!table) continue;
    rows += table.rows.length;
    const folder = dirname(path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), table]);
  }
  const returns: ReturnFiles[] = [];
  for (const [folder, tables] of byFolder) {
    const shownFolder = relative(root, folder) || '.';
    const byTable: ReturnFiles['tables'] = {};
    for (const t of tables) {
      const earlier = byTable[t.table];
      if (earlier)
        fileIssues.push(
          fileIssue(
            t.file,
            '(header)',
            `a second ${t.table} file in ${shownFolder} (first: ${earlier.file}); one file per table per year`,
          ),
        );
      else byTable[t.table] = t;
    }
    if (!byTable.Header || !byTable.Episodes) {
      fileIssues.push(
        fileIssue(
          shownFolder,
          '(folder)',
          `a return needs at least a Header and an Episodes file; found ${Object.keys(byTable).join(', ') || 'none'}`,
        ),
      );
      continue;
    }
    const year = yearOfReturn(shownFolder, byTable);
    if (!year.ok) {
      fileIssues.push(fileIssue(shownFolder, '(folder)', year.reason));
      continue;
    }
    returns.push({ folder: shownFolder, yearEnding: year.yearEnding, tables: byTable });
  }
  const seen = new Map<string, string>();
  for (const r of returns) {
    const other = seen.get(r.yearEnding);
    if (other !== undefined)
      fileIssues.push(
        fileIssue(
          r.folder,
          '(folder)',
          `two returns for the year ending ${r.yearEnding} (${other} and ${r.folder})`,
        ),
      );
    seen.set(r.yearEnding, r.folder);
  }
  returns.sort((a, b) => (a.yearEnding < b.yearEnding ? -1 : 1));
  return { returns, fileIssues, issues, rows };
}
