/**
 * The youngest a child may be when a placement in independent or semi-independent living or
 * supported accommodation begins (national-definitions.md §1.3 PLACE; 903 rules 370 and 371).
 * From the 2023/24 rules all three are for ages 16+: P2 (370), H5 (371) and K3 (371 from 2024/25).
 * The 2022/23 rules asked 15 for P2 and 14 for H5; a placement beginning before 1 April 2023 is held
 * to those, so earlier history the DfE accepted can still be recorded and imported. The 2023/24
 * return tests its closed episodes at 16 (the validator drops an episode with no DEC), the 2024/25
 * one K3 only: the 903 self-check mirrors that (libs/reporting export903 self-check/placement-age-rules.ts).
 * So the DfE accepted some placements begun under 16 since 2023 that this rule refuses: an H5 still
 * open at 31 March 2024, or any begun in 2024/25. A placement taken from a 903 return (`asReturned`,
 * set only by the import) is kept as returned and the import reports it; a new one is refused.
 */
import { ageInYearsOn } from '../calendar-date';
import { violation } from '../errors';
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

/** The age rule a placement breaks: its code and the sentence naming setting, rule and age. */
export interface PlacementAgeBreach {
  rule: string;
  code: string;
  message: string;
}

/** The breach when a child born `dateOfBirth` is under the minimum for `placementType` on `date`. */
export function placementAgeBreach(
  placementType: string,
  dateOfBirth: string,
  date: string,
): PlacementAgeBreach | undefined {
  const minimum = minimumAgeFor(placementType, date);
  if (minimum === undefined) return undefined;
  const age = ageInYearsOn(dateOfBirth, date);
  if (age >= minimum) return undefined;
  const { setting, rule } = AGE_RULES[placementType] as AgeRule;
  return {
    rule,
    code: `${placementType.toLowerCase()}-under-${minimum}`,
    message: `${placementType} ${setting} is for ages ${minimum}+ (903 rule ${rule}): the child is ${age} on ${date}.`,
  };
}

/**
 * A placement of `placementType` beginning on `date` is refused for a child younger than its
 * minimum, unless it is `asReturned` (a 903 return's history: the import keeps and reports it).
 */
export function placementAgeAllowed(
  state: JourneyState,
  placementType: string,
  date: string,
  field: string,
  asReturned = false,
): void {
  const dateOfBirth = state.child?.dateOfBirth;
  if (asReturned || dateOfBirth === undefined) return;
  const breach = placementAgeBreach(placementType, dateOfBirth, date);
  if (breach) violation(breach.code, breach.message, field);
}
