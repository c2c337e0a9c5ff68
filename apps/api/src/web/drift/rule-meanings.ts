import { DR14_OFF, DRIFT_RULES, type DriftConfig } from '@care-journey/projections';

/**
 * Each drift rule in a sentence, with the thresholds in use (configured ones included), so the panel
 * reads what "DR06 Adoption match delay" asks for without the rule book beside it.
 */
export const ruleMeanings = (config: DriftConfig): ReadonlyMap<string, string> =>
  new Map(DRIFT_RULES.map((rule) => [rule.id, rule.describe(config)]));

/** A rule the authority's settings switch off, named for the report's headline. */
export interface RuleNotChecked {
  ruleId: string;
  title: string;
  why: string;
}

/**
 * The rules that do not run with these settings (review s16-ofsted F6): a flag missing because its
 * rule is off looks the same as compliance, so the report says so under its headline. DR14 is off
 * until `DR14.recordedFrom` is set; DR11 when no route has a limit.
 */
export function rulesNotChecked(config: DriftConfig): RuleNotChecked[] {
  const off: RuleNotChecked[] = [];
  const title = (id: string): string => DRIFT_RULES.find((rule) => rule.id === id)?.title ?? id;
  if (config.DR14.recordedFrom === DR14_OFF)
    off.push({
      ruleId: 'DR14',
      title: title('DR14'),
      why: 'not yet switched on: the authority has not set the day it starts recording visits',
    });
  if (Object.values(config.DR11.months).every((months) => months === null))
    off.push({ ruleId: 'DR11', title: title('DR11'), why: 'switched off: no permanence route has a limit' });
  return off;
}
