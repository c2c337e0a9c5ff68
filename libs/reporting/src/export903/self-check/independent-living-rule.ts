/**
 * Rule 387 as the DfE validator tests it, in every year's rules (lac2022_23 rule_387.py, deleted in
 * no later year): an episode ending E5/E6 (moved into independent living) whose DEC is before
 * DOB + 14 years. The journey refuses such an end of care (invariants/end-of-care.ts); this names
 * history recorded before that rule.
 */
import { fromDmy } from '../format';
import { birthdayInReturn } from '../return-birthday';
import type { Return903 } from '../tables';
import type { CheckFailure } from './failure';

const INDEPENDENT_LIVING = new Set(['E5', 'E6']);

export function checkIndependentLivingAge(tables: Return903): CheckFailure[] {
  const dobOf = new Map(tables.Header.map((h) => [h.CHILD, h.DOB]));
  const out: CheckFailure[] = [];
  for (const e of tables.Episodes) {
    if (!INDEPENDENT_LIVING.has((e.REC ?? '').toUpperCase())) continue;
    const dob = fromDmy(dobOf.get(e.CHILD));
    const dec = fromDmy(e.DEC);
    // Before the validator's 14th birthday is before the one in law too: under 14 either way.
    if (!dob || !dec || dec >= birthdayInReturn(dob, 14)) continue;
    out.push({
      rule: '387',
      table: 'Episodes',
      child: e.CHILD,
      field: 'REC',
      message: `care ends ${e.DEC} with ${e.REC} (independent living) for a child under 14 (DOB ${dobOf.get(e.CHILD)})`,
    });
  }
  return out;
}
