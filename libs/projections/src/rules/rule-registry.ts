/** Every drift rule, in id order. Adding one: docs/drift-rules.md, "Adding a rule" (its id, thresholds and docs too). */
import { DR01 } from './dr01-first-review';
import { DR02 } from './dr02-second-review';
import { DR03 } from './dr03-later-review';
import { DR04 } from './dr04-permanence-plan';
import { DR05 } from './dr05-placement-instability';
import { DR06 } from './dr06-adoption-match';
import { DR07 } from './dr07-adoption-placement';
import { DR08 } from './dr08-relinquished-placement';
import { DR09 } from './dr09-relinquished-review';
import { DR10 } from './dr10-going-home-audit';
import { DR11 } from './dr11-plan-stalled';
import { DR12 } from './dr12-time-limit-exceeded';
import { DR13 } from './dr13-looked-after-at-18';
import { DR14 } from './dr14-statutory-visit';
import { DR15 } from './dr15-adoption-placement-review';
import type { DriftRule, DriftRuleId } from './drift-rule';

export const DRIFT_RULES: readonly DriftRule[] = [
  DR01,
  DR02,
  DR03,
  DR04,
  DR05,
  DR06,
  DR07,
  DR08,
  DR09,
  DR10,
  DR11,
  DR12,
  DR13,
  DR14,
  DR15,
];

export const driftRule = (id: DriftRuleId): DriftRule => {
  const rule = DRIFT_RULES.find((candidate) => candidate.id === id);
  if (!rule) throw new RangeError(`Unknown drift rule ${id}`);
  return rule;
};

/**
 * `condition` for a rule about a standing condition (DR05: open while it holds, no step due), else
 * `step` (a step due by a date): the `rule_kind` column of the drift CSVs.
 */
export const ruleKind = (id: DriftRuleId): 'step' | 'condition' =>
  driftRule(id).condition ? 'condition' : 'step';
