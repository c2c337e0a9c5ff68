/**
 * Rules 131, 132 and 133 on the OC3 table: IN_TOUCH, ACTIV and ACCOM must each be a code, so a
 * blank item fails (lac2022_23 rule_131/132/133.py `isin`). The export writes a care leaver with no
 * contact recorded as a blank row on purpose (outcomes.ts: nothing is invented), so these are
 * warnings, one per blank item as the validator counts them, naming the child and the birthday the
 * contact is for: the export still exits 0, and the leaving care team knows whom to contact.
 */
import { careLeaverBirthdayInYear } from '@care-journey/journey';
import { fromDmy, toDmy } from '../format';
import { OC3_ITEMS, type Return903 } from '../tables';
import type { CheckContext, CheckFailure } from './failure';

const RULE_OF: Readonly<Record<(typeof OC3_ITEMS)[number], string>> = {
  IN_TOUCH: '131',
  ACTIV: '132',
  ACCOM: '133',
};

export function checkCareLeaverContacts(tables: Return903, ctx: CheckContext): CheckFailure[] {
  const out: CheckFailure[] = [];
  for (const row of tables.OC3) {
    const dob = fromDmy(row.DOB);
    const birthday = dob ? careLeaverBirthdayInYear(dob, ctx.yearEnding) : undefined;
    const forBirthday = birthday ? ` for turning ${birthday.age} on ${toDmy(birthday.date)}` : '';
    for (const item of OC3_ITEMS) {
      if ((row[item] ?? '').trim() !== '') continue;
      out.push({
        rule: RULE_OF[item],
        table: 'OC3',
        child: row.CHILD ?? '',
        field: item,
        message: `${item} is blank: no care leaver contact is recorded${forBirthday}; record it (the child's page, "Care leaver contact (903 OC3)") or the DfE validator rejects the row`,
        severity: 'warning',
      });
    }
  }
  return out;
}
