/**
 * Child-level rules: sex codes (101), UPN shape (168), review participation by age (440/441), each
 * child once in Header (INT32), children known to Header (INT).
 */
import { ageInYearsOn } from '@care-journey/journey';
import { fromDmy } from '../format';
import type { Return903, TableName } from '../tables';
import type { CheckContext, CheckFailure } from './failure';

const UPN = /^(([A-HJ-NP-RT-Z])(\d{12}|\d{11}[A-Z]))$|^UN[1-5]$/;

export function checkChildren(tables: Return903, ctx: CheckContext): CheckFailure[] {
  const out: CheckFailure[] = [];
  const sexes = ctx.yearEnding >= '2025-03-31' ? ['M', 'F', 'U'] : ['1', '2'];
  const known = new Set(tables.Header.map((h) => h.CHILD));
  for (const h of tables.Header) {
    if (!sexes.includes(h.SEX))
      out.push({
        rule: '101',
        table: 'Header',
        child: h.CHILD,
        field: 'SEX',
        message: `SEX ${h.SEX} is not one of ${sexes.join('/')}`,
      });
    if (!UPN.test(h.UPN))
      out.push({
        rule: '168',
        table: 'Header',
        child: h.CHILD,
        field: 'UPN',
        message: `UPN ${h.UPN} is not a valid UPN or UN1–UN5`,
      });
    if (!fromDmy(h.DOB))
      out.push({
        rule: '102',
        table: 'Header',
        child: h.CHILD,
        field: 'DOB',
        message: `DOB ${h.DOB} is not a dd/mm/YYYY date`,
      });
  }
  out.push(...checkOncePerChild(tables));
  for (const r of tables.Reviews) {
    const dob = fromDmy(r.DOB);
    const date = fromDmy(r.REVIEW);
    if (!dob || !date) continue;
    const under4 = ageInYearsOn(dob, date) < 4;
    if (under4 !== (r.REVIEW_CODE === 'PN0')) {
      out.push({
        rule: under4 ? '441' : '440',
        table: 'Reviews',
        child: r.CHILD,
        field: 'REVIEW_CODE',
        message: `${r.REVIEW_CODE} does not fit the child's age at the review (${r.REVIEW})`,
      });
    }
  }
  for (const name of Object.keys(tables) as TableName[]) {
    if (name === 'Header') continue;
    for (const row of tables[name]) {
      if (!known.has(row.CHILD))
        out.push({
          rule: 'INT',
          table: name,
          child: row.CHILD,
          field: 'CHILD',
          message: 'child is not in Header',
        });
    }
  }
  return out;
}

/**
 * INT32: a CHILD reference names one child, so it is in Header once. Compared upper-cased, as the
 * DfE validator reads every text cell; one failure per reference, on its first row.
 */
function checkOncePerChild(tables: Return903): CheckFailure[] {
  const rows = new Map<string, { child: string; count: number }>();
  for (const h of tables.Header) {
    const key = h.CHILD.toUpperCase();
    const seen = rows.get(key);
    if (seen) seen.count++;
    else rows.set(key, { child: h.CHILD, count: 1 });
  }
  return [...rows.values()]
    .filter(({ count }) => count > 1)
    .map(({ child, count }) => ({
      rule: 'INT32',
      table: 'Header',
      child,
      field: 'CHILD',
      message: `CHILD ${child} is in Header ${count} times: a child reference belongs to one child`,
    }));
}
