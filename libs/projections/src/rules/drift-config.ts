/**
 * Drift thresholds: defaults from the rule book, every one overridable (e.g. a local 365-day
 * target for DR07 instead of the national 426). Rules read these, never constants.
 */
import {
  isValidCalendarDate,
  type CalendarDate,
  DEFAULT_REVIEW_CLOCK_AFTER_SHORT_BREAKS,
  REVIEW_CLOCK_AFTER_SHORT_BREAKS,
  type PermanenceRoute,
  type ReviewClockAfterShortBreaks,
} from '@care-journey/journey';
import { isWeekend } from '../calendar/working-days';
import { DriftOverrideError, checkDriftOverrides } from './drift-overrides-check';

/** DR14.recordedFrom until the authority names the day it starts recording visits: no visit falls due. */
export const DR14_OFF = 'off';

/** DR10's choices for a child who leaves a permanent placement (DriftConfig.DR10.afterPermanentPlacement). */
export const GOING_HOME_AFTER_PERMANENT_PLACEMENT = ['reenters_cohort', 'resumes_clock'] as const;
export type GoingHomeAfterPermanentPlacement = (typeof GOING_HOME_AFTER_PERMANENT_PLACEMENT)[number];

/**
 * DR04's deadline when the first review was held late (DriftConfig.DR04.deadline): 'second_review'
 * (default) is the second review's due date, the late first review + 3 months, so the delay moves the
 * permanence plan's deadline too; 'fixed_from_entry' is where it would be had the first review been
 * held on time (the start of care + 20 working days + 3 months), whatever the first review's date.
 */
export const PERMANENCE_PLAN_DEADLINE = ['second_review', 'fixed_from_entry'] as const;
export type PermanencePlanDeadline = (typeof PERMANENCE_PLAN_DEADLINE)[number];

export interface DriftConfig {
  /**
   * `afterShortBreaks`: where the first review's clock runs from in a period that started on short
   * breaks (V3/V4) and went on under another legal status: 'legal_status_change' (default) or
   * 'period_start' (see libs/journey looked-after-otherwise.ts). DR04 follows it.
   */
  DR01: { workingDays: number; afterShortBreaks: ReviewClockAfterShortBreaks };
  DR02: { months: number };
  DR03: { months: number };
  /**
   * DR04 uses DR01/DR02's timings to know when the second review fell due; `deadline` says whether a
   * late first review moves the permanence plan's deadline with it (PERMANENCE_PLAN_DEADLINE).
   */
  DR04: { deadline: PermanencePlanDeadline };
  DR05: { placements: number; months: number };
  DR06: { days: number };
  DR07: { days: number };
  DR08: { months: number };
  DR09: { days: number };
  /**
   * `afterPermanentPlacement`: what leaving a permanent placement does for a child who is 16+ or
   * under s20 (V2), which the rule book leaves open (docs/drift-rules.md): 'reenters_cohort'
   * (default) starts a new spell in the cohort, its first audit due `months` after that day;
   * 'resumes_clock' does not count it as a way in, so the audit stays due `months` after the last
   * entry the rule book names (start of care under V2 or at `age`+, change to V2, the birthday) or
   * the last audit, whichever is later: overdue already, it opens on the day the placement ends.
   */
  DR10: { age: number; months: number; afterPermanentPlacement: GoingHomeAfterPermanentPlacement };
  /** Months without a step before a plan is stalled; null = no limit for that route. */
  DR11: { months: Record<PermanenceRoute, number | null> };
  /** DR12 uses the domain's 903 time limits (libs/journey time-limits.ts), not a local threshold. */
  DR12: Record<string, never>;
  /** DR13 uses the 18th birthday (libs/journey's age rule), not a local threshold. */
  DR13: Record<string, never>;
  /**
   * Statutory visits (reg 28; national-definitions §4): the first within `firstVisitDays` of a
   * placement starting, then every `firstYearWeeks` in its first year; after it, every
   * `longTermMonths` in long-term fostering confirmed (the placement meant to last to 18), else every
   * `laterWeeks`; every `icoAtHomeDays` for a child at home under an interim care order until the
   * first review (docs/drift-rules.md). `recordedFrom`: the day the authority starts recording visits
   * here ('off', the default, until it says): no store or 903 return before held any, so from the
   * first day every looked-after child would be flagged; placements running that day count from it.
   */
  DR14: {
    recordedFrom: string;
    firstVisitDays: number;
    firstYearWeeks: number;
    longTermMonths: number;
    laterWeeks: number;
    icoAtHomeDays: number;
  };
  /**
   * Reviews of a child placed for adoption (Adoption Agencies Regulations 2005, reg 36, not in
   * national-definitions' text: docs/drift-rules.md "DR15"): the first within `firstWeeks` of the
   * placement, the second within `secondMonths` of the first, then within `laterMonths` of the last.
   */
  DR15: { firstWeeks: number; secondMonths: number; laterMonths: number };
  /** "Due within N days" early warnings in the drift report. */
  dueSoonDays: number;
  /**
   * Bank holidays of England and Wales that `date-holidays` does not list yet (a one-off day declared
   * by proclamation before a release has it; never a local closure day: the statutory working days
   * would move), YYYY-MM-DD, sorted and frozen: counted as bank holidays wherever
   * working days are (DR01, DR04, the next review date) and marked on a due date that falls on one
   * (docs/drift-rules.md, "Bank holidays"). They enter the feed's content id (feed-content.ts).
   */
  extraBankHolidays: readonly CalendarDate[];
}

export const DEFAULT_DRIFT_CONFIG: DriftConfig = {
  DR01: { workingDays: 20, afterShortBreaks: DEFAULT_REVIEW_CLOCK_AFTER_SHORT_BREAKS },
  DR02: { months: 3 },
  DR03: { months: 6 },
  DR04: { deadline: 'second_review' },
  DR05: { placements: 3, months: 12 },
  DR06: { days: 121 },
  DR07: { days: 426 },
  DR08: { months: 4 },
  DR09: { days: 14 },
  DR10: { age: 16, months: 6, afterPermanentPlacement: 'reenters_cohort' },
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
  DR14: {
    recordedFrom: DR14_OFF,
    firstVisitDays: 7,
    firstYearWeeks: 6,
    longTermMonths: 3,
    laterWeeks: 6,
    icoAtHomeDays: 7,
  },
  DR15: { firstWeeks: 4, secondMonths: 3, laterMonths: 6 },
  dueSoonDays: 28,
  extraBankHolidays: Object.freeze([]),
};

/** The local ambition for entry-to-placement with adopters (rule book, DR07 / A1). */
export const LOCAL_ADOPTION_TARGET_DAYS = 365;

export type DriftConfigOverrides = {
  [K in keyof DriftConfig]?: DriftConfig[K] extends readonly unknown[]
    ? DriftConfig[K]
    : Partial<DriftConfig[K]>;
};

/** Defaults with overrides laid over them, rule by rule; an unknown rule or key, or a number ≤ 0, is refused. */
export function driftConfig(overrides: DriftConfigOverrides = {}): DriftConfig {
  checkDriftOverrides(overrides, DEFAULT_DRIFT_CONFIG);
  const config = structuredClone(DEFAULT_DRIFT_CONFIG);
  for (const key of Object.keys(overrides) as (keyof DriftConfig)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (typeof value === 'number') (config as unknown as Record<string, unknown>)[key] = value;
    else if (key === 'extraBankHolidays') config.extraBankHolidays = extraBankHolidays(value as unknown[]);
    else if (key === 'DR11')
      config.DR11 = { months: { ...config.DR11.months, ...(value as Partial<DriftConfig['DR11']>).months } };
    else Object.assign(config[key] as object, value);
  }
  checkChoice(
    'DR01.afterShortBreaks',
    REVIEW_CLOCK_AFTER_SHORT_BREAKS,
    config.DR01.afterShortBreaks,
    'where a period that started on short breaks counts its first review from',
  );
  if (config.DR14.recordedFrom !== DR14_OFF && !isValidCalendarDate(config.DR14.recordedFrom))
    throw new DriftOverrideError(
      `DR14.recordedFrom must be '${DR14_OFF}' or a date YYYY-MM-DD, got ${JSON.stringify(config.DR14.recordedFrom)} (the day the authority starts recording statutory visits)`,
    );
  checkChoice(
    'DR04.deadline',
    PERMANENCE_PLAN_DEADLINE,
    config.DR04.deadline,
    "whether a first review held late moves the permanence plan's deadline with the second review's",
  );
  checkChoice(
    'DR10.afterPermanentPlacement',
    GOING_HOME_AFTER_PERMANENT_PLACEMENT,
    config.DR10.afterPermanentPlacement,
    'whether leaving a permanent placement enters the going-home cohort again or resumes its clock',
  );
  return config;
}

const EXTRA_BANK_HOLIDAYS_ARE =
  'bank holidays of England and Wales that date-holidays does not list yet, never a local closure day';

/**
 * The council's extra bank holidays, checked and sorted (so that one set of days is one content id):
 * each a real date, none twice, none on a Saturday or Sunday (not a working day anyway: most likely
 * a slip for another day). A day `date-holidays` already lists is taken: a later release may add it.
 */
function extraBankHolidays(days: readonly unknown[]): readonly CalendarDate[] {
  const seen = new Set<string>();
  days.forEach((day, i) => {
    const at = `extraBankHolidays[${i}]`;
    if (typeof day !== 'string' || !isValidCalendarDate(day))
      throw new DriftOverrideError(
        `${at} must be a real date YYYY-MM-DD, got ${JSON.stringify(day)} (${EXTRA_BANK_HOLIDAYS_ARE})`,
      );
    if (seen.has(day))
      throw new DriftOverrideError(
        `${at} lists ${day} a second time: each day once (${EXTRA_BANK_HOLIDAYS_ARE})`,
      );
    if (isWeekend(day))
      throw new DriftOverrideError(
        `${at} ${day} is a ${new Date(`${day}T00:00:00Z`).getUTCDay() === 0 ? 'Sunday' : 'Saturday'}, never a working day: only a weekday changes a count (${EXTRA_BANK_HOLIDAYS_ARE})`,
      );
    seen.add(day);
  });
  // Frozen: calendars are kept by the list (working-days.ts), so it must not change under them.
  return Object.freeze([...seen].sort());
}

/** A text setting must be one of its choices: refused naming the setting, the choices and what it decides. */
function checkChoice(path: string, choices: readonly string[], value: string, decides: string): void {
  if (!choices.includes(value))
    throw new DriftOverrideError(
      `${path} must be one of ${choices.map((v) => `'${v}'`).join(', ')}, got ${JSON.stringify(value)} (${decides})`,
    );
}
