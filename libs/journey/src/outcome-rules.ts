/**
 * When the 903 asks for OC2 (12 months looked after at 31 March) and OC3 (care leavers) items.
 * Shared by decide (what may be recorded) and the export (who is in each table), so the two agree.
 * Rule numbers are the DfE 903 validator's.
 */
import { addDays, addMonths, ageInYearsOn, daysBetween, maxDate } from './calendar-date';
import type { CalendarDate } from './events';

/** The date of a birthday; 29 February falls on 28 February in other years, as the validator has it. */
export const birthdayAt = (dateOfBirth: CalendarDate, age: number): CalendarDate =>
  addMonths(dateOfBirth, 12 * age);

export const isCollectionYearEnd = (date: CalendarDate): boolean => /^\d{4}-03-31$/.test(date);

/** 1 April that starts the collection year ending `yearEnd`. */
export const collectionYearStartOf = (yearEnd: CalendarDate): CalendarDate =>
  addDays(addMonths(yearEnd, -12), 1);

interface Span {
  startDate: CalendarDate;
  endDate?: CalendarDate;
}

/** What the OC2 cohort reads: the periods of care and the legal status spells in them. */
export interface ContinuousCare {
  periodsOfCare: readonly Span[];
  legalStatuses: readonly (Span & { legalStatus: string })[];
}

/**
 * The OC2 cohort, looked after continuously for 12 months at 31 March, as the DfE validator reads it
 * (its CONTINUOUSLY_LOOKED_AFTER, from the DfE 2021-22 validation rules): in care on 1 April and still
 * on 31 March (leaving that day counts: only an end before 31 March breaks it), with no V3/V4 short
 * break in the year (DfE leaves short breaks out of every 12-months figure).
 */
export function lookedAfterAllYear(care: ContinuousCare, yearEnd: CalendarDate): boolean {
  const start = collectionYearStartOf(yearEnd);
  const allYear = care.periodsOfCare.some(
    (p) => p.startDate <= start && (p.endDate === undefined || p.endDate >= yearEnd),
  );
  return allYear && !care.legalStatuses.some((s) => isShortBreakIn(s, start, yearEnd));
}

const isShortBreakIn = (s: Span & { legalStatus: string }, start: CalendarDate, end: CalendarDate) =>
  (s.legalStatus === 'V3' || s.legalStatus === 'V4') &&
  s.startDate <= end &&
  (s.endDate === undefined || s.endDate >= start);

export interface Oc2ItemsDue {
  /** SDQ score or reason: from the year the child turns 4 to the year they turn 17 (186, 188, 189, 197B). */
  sdq: boolean;
  /** SDQ1 (too young or too old for the form) is wrong for a child 4+ all year and under 16 at the end (157). */
  sdq1Allowed: boolean;
  /** Aged 10 or over at 31 March (542, 543). */
  convicted: boolean;
  /** Aged under 5 at 31 March (545, 546). */
  healthCheck: boolean;
}

export function oc2ItemsDue(dateOfBirth: CalendarDate, yearEnd: CalendarDate): Oc2ItemsDue {
  const start = collectionYearStartOf(yearEnd);
  const age = ageInYearsOn(dateOfBirth, yearEnd);
  return {
    sdq: birthdayAt(dateOfBirth, 4) <= yearEnd && birthdayAt(dateOfBirth, 17) >= start,
    sdq1Allowed: !(birthdayAt(dateOfBirth, 4) <= start && birthdayAt(dateOfBirth, 16) >= yearEnd),
    convicted: age >= 10,
    healthCheck: age < 5,
  };
}

/** Care leaver contacts report on the 17th to 21st birthdays (391). */
export const CARE_LEAVER_AGES = [17, 18, 19, 20, 21] as const;
/** How far from the birthday a contact may be and still report on it (our rule: one quarter). */
export const CARE_LEAVER_CONTACT_WINDOW_MONTHS = 3;

export interface CareLeaverBirthday {
  age: number;
  date: CalendarDate;
}

/** The 17th–21st birthday a contact on `date` reports on: the one within three months of it. */
export function careLeaverBirthdayNear(
  dateOfBirth: CalendarDate,
  date: CalendarDate,
): CareLeaverBirthday | undefined {
  for (const age of CARE_LEAVER_AGES) {
    const birthday = birthdayAt(dateOfBirth, age);
    const window = CARE_LEAVER_CONTACT_WINDOW_MONTHS;
    if (addMonths(birthday, -window) <= date && date <= addMonths(birthday, window))
      return { age, date: birthday };
  }
  return undefined;
}

/** The 17th–21st birthday falling in the collection year ending `yearEnd`, if any. */
export function careLeaverBirthdayInYear(
  dateOfBirth: CalendarDate,
  yearEnd: CalendarDate,
): CareLeaverBirthday | undefined {
  const start = collectionYearStartOf(yearEnd);
  for (const age of CARE_LEAVER_AGES) {
    const date = birthdayAt(dateOfBirth, age);
    if (start <= date && date <= yearEnd) return { age, date };
  }
  return undefined;
}

export interface CareHistory {
  dateOfBirth: CalendarDate;
  periodsOfCare: readonly (Span & { endReason?: string })[];
  legalStatuses: readonly (Span & { legalStatus: string })[];
}

const REASONS_NOT_A_CARE_LEAVER: Record<string, string> = {
  E11: 'was adopted (1001)',
  E12: 'was adopted (1001)',
  E2: 'died in care (1000)',
  E3: 'had care taken over by another authority (1011)',
};

/** Days of `spells` on or after `from` (short breaks V3/V4 do not count). */
function daysLookedAfterSince(history: CareHistory, from: CalendarDate, until: CalendarDate): number {
  let days = 0;
  for (const s of history.legalStatuses) {
    if (s.legalStatus === 'V3' || s.legalStatus === 'V4' || s.startDate >= until) continue;
    const end = s.endDate === undefined || s.endDate > until ? until : s.endDate;
    days += Math.max(0, daysBetween(maxDate(s.startDate, from), end));
  }
  return days;
}

/**
 * Why the child is not a care leaver the 903 asks about at `birthday`, or undefined when they are:
 * left care before that birthday (1007, 1016), not adopted, dead or transferred, and a relevant or
 * former relevant child: 13 weeks looked after since turning 14, some of it after turning 16 (1001).
 */
export function notACareLeaverAt(history: CareHistory, birthday: CalendarDate): string | undefined {
  const before = history.periodsOfCare.filter((p) => p.startDate < birthday);
  const last = before[before.length - 1];
  if (!last) return 'was not looked after before that birthday';
  if (last.endDate === undefined || last.endDate >= birthday)
    return 'had not left care before that birthday (1007, 1016)';
  const ended = last.endReason !== undefined ? REASONS_NOT_A_CARE_LEAVER[last.endReason] : undefined;
  if (ended) return ended;
  const after14 = daysLookedAfterSince(history, birthdayAt(history.dateOfBirth, 14), birthday);
  const after16 = daysLookedAfterSince(history, birthdayAt(history.dateOfBirth, 16), birthday);
  if (after14 < 91 || after16 < 1) {
    return 'is not a relevant or former relevant child: 13 weeks looked after since turning 14, some after 16, are needed (1001)';
  }
  return undefined;
}
