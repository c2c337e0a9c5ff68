/**
 * Drift thresholds: defaults from the rule book, every one overridable (e.g. a local 365-day
 * target for DR07 instead of the national 426). Rules read these, never constants.
 */
import {
  DEFAULT_REVIEW_CLOCK_AFTER_SHORT_BREAKS,
  REVIEW_CLOCK_AFTER_SHORT_BREAKS,
  type PermanenceRoute,
  type ReviewClockAfterShortBreaks,
} from '@care-journey/journey';
import { DriftOverrideError, checkDriftOverrides } from './drift-overrides-check';

export interface DriftConfig {
  /**
   * `afterShortBreaks`: where the first review's clock runs from in a period that started on short
   * breaks (V3/V4) and went on under another legal status: 'legal_status_change' (default) or
   * 'period_start' (see libs/journey looked-after-otherwise.ts). DR04 follows it.
   */
  DR01: { workingDays: number; afterShortBreaks: ReviewClockAfterShortBreaks };
  DR02: { months: number };
  DR03: { months: number };
  /** DR04 uses DR01/DR02's timings to know when the second review fell due. */
  DR04: Record<string, never>;
  DR05: { placements: number; months: number };
  DR06: { days: number };
  DR07: { days: number };
  DR08: { months: number };
  DR09: { days: number };
  DR10: { age: number; months: number };
  /** Months without a step before a plan is stalled; null = no limit for that route. */
  DR11: { months: Record<PermanenceRoute, number | null> };
  /** DR12 uses the domain's 903 time limits (libs/journey time-limits.ts), not a local threshold. */
  DR12: Record<string, never>;
  /** DR13 uses the 18th birthday (libs/journey's age rule), not a local threshold. */
  DR13: Record<string, never>;
  /** "Due within N days" early warnings in the drift report. */
  dueSoonDays: number;
}

export const DEFAULT_DRIFT_CONFIG: DriftConfig = {
  DR01: { workingDays: 20, afterShortBreaks: DEFAULT_REVIEW_CLOCK_AFTER_SHORT_BREAKS },
  DR02: { months: 3 },
  DR03: { months: 6 },
  DR04: {},
  DR05: { placements: 3, months: 12 },
  DR06: { days: 121 },
  DR07: { days: 426 },
  DR08: { months: 4 },
  DR09: { days: 14 },
  DR10: { age: 16, months: 6 },
  DR11: {
    months: {
      return_home: 6,
      special_guardianship: 9,
      long_term_fostering: 6,
      adoption: null,
      child_arrangements_order: null,
    },
  },
  DR12: {},
  DR13: {},
  dueSoonDays: 28,
};

/** The local ambition for entry-to-placement with adopters (rule book, DR07 / A1). */
export const LOCAL_ADOPTION_TARGET_DAYS = 365;

export type DriftConfigOverrides = { [K in keyof DriftConfig]?: Partial<DriftConfig[K]> };

/** Defaults with overrides laid over them, rule by rule; an unknown rule or key, or a number ≤ 0, is refused. */
export function driftConfig(overrides: DriftConfigOverrides = {}): DriftConfig {
  checkDriftOverrides(overrides, DEFAULT_DRIFT_CONFIG);
  const config = structuredClone(DEFAULT_DRIFT_CONFIG);
  for (const key of Object.keys(overrides) as (keyof DriftConfig)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (typeof value === 'number') (config as unknown as Record<string, unknown>)[key] = value;
    else if (key === 'DR11')
      config.DR11 = { months: { ...config.DR11.months, ...(value as Partial<DriftConfig['DR11']>).months } };
    else Object.assign(config[key] as object, value);
  }
  if (!REVIEW_CLOCK_AFTER_SHORT_BREAKS.includes(config.DR01.afterShortBreaks))
    throw new DriftOverrideError(
      `DR01.afterShortBreaks must be one of ${REVIEW_CLOCK_AFTER_SHORT_BREAKS.map((v) => `'${v}'`).join(', ')}, ` +
        `got ${JSON.stringify(config.DR01.afterShortBreaks)} (where a period that started on short breaks counts its first review from)`,
    );
  return config;
}
