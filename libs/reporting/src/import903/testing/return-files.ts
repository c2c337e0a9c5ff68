/** Writes hand-made 903 files for specs: rows as column → value, the header row from TABLES. */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { TABLES, type TableName } from '../../export903/tables';

export type TableRows = Partial<Record<TableName, Record<string, string>[]>>;

export function writeTables(dir: string, tables: TableRows): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, rows] of Object.entries(tables) as [TableName, Record<string, string>[]][]) {
    const { file, columns } = TABLES[name];
    writeFileSync(
      join(dir, file),
      stringify(rows, { header: true, columns: [...columns], record_delimiter: '\n' }) ||
        `${columns.join(',')}\n`,
    );
  }
}

/** A well-shaped UPN of the child's own: a UPN belongs to one child (903 rule 444, upn-claims.ts). */
export const upnOf = (child: string): string =>
  `A${(BigInt(`0x${createHash('sha256').update(child).digest('hex').slice(0, 16)}`) % 10n ** 12n)
    .toString()
    .padStart(12, '0')}`;

/** A looked-after boy, in care from 1 May 2024 in one foster placement. */
export const header = (child: string, extra: Record<string, string> = {}) => ({
  CHILD: child,
  SEX: 'M',
  DOB: '01/02/2015',
  ETHNIC: 'WBRI',
  UPN: upnOf(child),
  MOTHER: '',
  MC_DOB: '',
  ...extra,
});

export const episode = (child: string, extra: Record<string, string> = {}) => ({
  CHILD: child,
  DECOM: '01/05/2024',
  RNE: 'S',
  LS: 'C2',
  CIN: 'N1',
  PLACE: 'U4',
  PLACE_PROVIDER: 'PR1',
  DEC: '',
  REC: '',
  REASON_PLACE_CHANGE: '',
  HOME_POST: 'CB1 2AB',
  PL_POST: 'CB4 1AA',
  URN: 'SC123456',
  ...extra,
});

export const review = (child: string, date: string, code = 'PN1') => ({
  CHILD: child,
  DOB: '01/02/2015',
  REVIEW: date,
  REVIEW_CODE: code,
});
