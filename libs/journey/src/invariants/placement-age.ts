/**
 * The youngest a child may be when a placement in independent or semi-independent living or
 * supported accommodation begins (national-definitions.md §1.3 PLACE; 903 rules 370 and 371).
 * From the 2023/24 rules all three are for ages 16+: P2 (370), H5 (371) and K3 (371 from 2024/25).
 * The 2022/23 rules asked 15 for P2 and 14 for H5; a placement beginning before 1 April 2023 is held
 * to those, so earlier history the DfE accepted can still be recorded and imported. The 2023/24
 * return tests every episode in it at 16, an earlier one still open too: the 903 self-check names
 * that (libs/reporting export903 self-check/placement-age-rules.ts).
 */
import { violation } from '../errors';
import { ageOn } from '../queries';
import type { JourneyState } from '../state';

/** The first day of the 2023/24 collection year, when both rules ask 16. */
export const SIXTEEN_PLUS_FROM = '2023-04-01';

interface AgeRule {
  setting: string;
  rule: string;
  before2023_24?: number;
}

const AGE_RULES: Readonly<Record<string, AgeRule>> = {
  H5: { setting: 'semi-independent living', rule: '371', before2023_24: 14 },
  P2: { setting: 'independent living', rule: '370', before2023_24: 15 },
  K3: { setting: 'supported accommodation', rule: '371' },
};

/** The youngest age for `placementType` beginning on `date`; undefined when it has no minimum. */
export function minimumAgeFor(placementType: string, date: string): number | undefined {
  const rule = AGE_RULES[placementType];
  if (rule === undefined) return undefined;
  return date < SIXTEEN_PLUS_FROM ? (rule.before2023_24 ?? 16) : 16;
}

/** A placement of `placementType` beginning on `date` is refused for a child younger than its minimum. */
export function placementAgeAllowed(
  state: JourneyState,
  placementType: string,
  date: string,
  field: string,
): void {
  const minimum = minimumAgeFor(placementType, date);
  const age = minimum === undefined ? undefined : ageOn(state, date);
  if (minimum === undefined || age === undefined || age >= minimum) return;
  const { setting, rule } = AGE_RULES[placementType] as AgeRule;
  violation(
    `${placementType.toLowerCase()}-under-${minimum}`,
    `${placementType} ${setting} is for ages ${minimum}+ (903 rule ${rule}): the child is ${age} on ${date}.`,
    field,
  );
}
