import { DRIFT_RULES, type DriftConfig } from '@care-journey/projections';

/**
 * Each drift rule in a sentence, with the thresholds in use (configured ones included), so the panel
 * reads what "DR06 Adoption match delay" asks for without the rule book beside it.
 */
export const ruleMeanings = (config: DriftConfig): ReadonlyMap<string, string> =>
  new Map(DRIFT_RULES.map((rule) => [rule.id, rule.describe(config)]));
