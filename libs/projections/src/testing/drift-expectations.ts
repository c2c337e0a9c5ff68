/** Test helper: one rule's flags, warnings and history for a child as at a date. */
import type { CalendarDate } from '@care-journey/journey';
import type { JourneySummary } from '../summary/journey-summary';
import { DEFAULT_DRIFT_CONFIG, type DriftConfig } from '../rules/drift-config';
import type { DriftRuleId } from '../rules/drift-rule';
import { evaluateDrift, flagHistory } from '../rules/evaluate-drift';

export const flagsOf = (
  s: JourneySummary,
  asAt: CalendarDate,
  id: DriftRuleId,
  config: DriftConfig = DEFAULT_DRIFT_CONFIG,
) => evaluateDrift(s, asAt, config).flags.filter((flag) => flag.ruleId === id);

export const dueSoonOf = (
  s: JourneySummary,
  asAt: CalendarDate,
  id: DriftRuleId,
  config: DriftConfig = DEFAULT_DRIFT_CONFIG,
) => evaluateDrift(s, asAt, config).dueSoon.filter((warning) => warning.ruleId === id);

export const historyOf = (
  s: JourneySummary,
  asAt: CalendarDate,
  id: DriftRuleId,
  config: DriftConfig = DEFAULT_DRIFT_CONFIG,
) => flagHistory(s, asAt, config).filter((entry) => entry.ruleId === id);
