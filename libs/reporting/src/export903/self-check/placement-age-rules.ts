/**
 * The youngest age for independent and semi-independent living and supported accommodation, as the
 * DfE validator tests it for the return's year (rule_utils.py `decom_before_dob`: an episode with a
 * DEC whose DECOM is before DOB + N years):
 * - 370, P2: 15 up to 2022/23, 16 in 2023/24, deleted from 2024/25 (P2 is gone);
 * - 371, H5: 14 up to 2022/23, 16 in 2023/24; from 2024/25 it tests K3 at 16 instead.
 * The journey refuses these placements (libs/journey invariants/placement-age.ts); what this names
 * is history recorded before that rule, or an earlier placement the 2023/24 rules judge at 16.
 */
import { fromDmy } from '../format';
import { birthdayInReturn } from '../return-birthday';
import type { Return903 } from '../tables';
import type { CheckContext, CheckFailure } from './failure';

interface AgeRule {
  rule: string;
  placementType: string;
  age: number;
  setting: string;
}

/** The rules in force for the return whose year ends `yearEnding`. */
function rulesFor(yearEnding: string): AgeRule[] {
  if (yearEnding <= '2023-03-31')
    return [
      { rule: '370', placementType: 'P2', age: 15, setting: 'independent living' },
      { rule: '371', placementType: 'H5', age: 14, setting: 'semi-independent living' },
    ];
  if (yearEnding === '2024-03-31')
    return [
      { rule: '370', placementType: 'P2', age: 16, setting: 'independent living' },
      { rule: '371', placementType: 'H5', age: 16, setting: 'semi-independent living' },
    ];
  return [{ rule: '371', placementType: 'K3', age: 16, setting: 'supported accommodation' }];
}

export function checkPlacementAges(tables: Return903, ctx: CheckContext): CheckFailure[] {
  const rules = rulesFor(ctx.yearEnding);
  const dobOf = new Map(tables.Header.map((h) => [h.CHILD, h.DOB]));
  const out: CheckFailure[] = [];
  for (const e of tables.Episodes) {
    const rule = rules.find((r) => r.placementType === e.PLACE);
    const dob = fromDmy(dobOf.get(e.CHILD));
    const decom = fromDmy(e.DECOM);
    // The validator skips an episode still open (no DEC); so does this, to agree with its counts.
    if (!rule || !dob || !decom || !fromDmy(e.DEC)) continue;
    // Before the validator's birthday is before the birthday in law too: the child is under age either way.
    if (decom >= birthdayInReturn(dob, rule.age)) continue;
    out.push({
      rule: rule.rule,
      table: 'Episodes',
      child: e.CHILD,
      field: 'DECOM',
      message: `${rule.placementType} (${rule.setting}) from ${e.DECOM} for a child under ${rule.age} (DOB ${dobOf.get(e.CHILD)}): ${rule.placementType} is for ages ${rule.age}+`,
    });
  }
  return out;
}
