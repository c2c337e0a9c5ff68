/**
 * PrevPerm rows, as the DfE validator reads them: PREV_PERM is one of P1–P4 or Z1 (631), any code
 * but Z1 (none), P4 (unknown) included, comes with LA_PERM and DATE_PERM (630), and LA_PERM, when
 * given, is an authority's three-digit DfE code or WAL/SCO/NIR/NUK (633, the validator's own list).
 */
import { isLaPermCode } from '@care-journey/journey';
import type { Row } from '../tables';
import type { CheckFailure } from './failure';

const CODES = ['P1', 'P2', 'P3', 'P4', 'Z1'];

const blank = (value: string | undefined): boolean => (value ?? '').trim() === '';

export function checkPreviousPermanence(rows: readonly Row[]): CheckFailure[] {
  const out: CheckFailure[] = [];
  for (const row of rows) {
    const code = row.PREV_PERM ?? '';
    if (!CODES.includes(code)) {
      out.push({
        rule: '631',
        table: 'PrevPerm',
        child: row.CHILD,
        field: 'PREV_PERM',
        message: `PREV_PERM ${code || '(blank)'} is not one of ${CODES.join('/')}`,
      });
      continue;
    }
    if (!blank(row.LA_PERM) && !isLaPermCode(row.LA_PERM))
      out.push({
        rule: '633',
        table: 'PrevPerm',
        child: row.CHILD,
        field: 'LA_PERM',
        message: `LA_PERM ${row.LA_PERM} is not an authority's three-digit DfE code nor WAL/SCO/NIR/NUK`,
      });
    if (code === 'Z1') continue;
    const missing = ['LA_PERM', 'DATE_PERM'].filter((field) => blank(row[field]));
    if (missing.length === 0) continue;
    out.push({
      rule: '630',
      table: 'PrevPerm',
      child: row.CHILD,
      field: missing.join('/'),
      message:
        `PREV_PERM ${code} needs ${missing.join(' and ')} (the authority and date of the earlier order); ` +
        (code === 'P4'
          ? 'P4 is also what a start of care without previous permanence gives: amend the start of care ' +
            'with what is known (Z1 when there was no earlier order)'
          : 'amend the start of care with them'),
    });
  }
  return out;
}
