/**
 * DR10: a child aged 16+, or accommodated under section 20 (V2), and not in a permanent
 * placement, needs a going-home audit 6 months after entering this cohort and 6 months after
 * each audit since. Leaving the cohort (or care) stops the clock. Leaving a permanent placement
 * starts it again from that day, or (DR10.afterPermanentPlacement 'resumes_clock') resumes it
 * from the last entry the rule book names or the last audit (docs/drift-rules.md).
 */
import { addDays, addMonths, ageInYearsOn, type CalendarDate } from '@care-journey/journey';
import { addMonthsKept } from '../calendar/date-memo';
import type { JourneySummary, PeriodOfCare } from '../summary/journey-summary';
import { isInPermanentPlacement, isOpenOn, legalStatusOn } from '../summary/queries';
import { carePeriods, firstAfter, ids } from './care-periods';
import { spellsOf, type Spell } from './condition-spells';
import type { DriftConfig } from './drift-config';
import { NO_EVIDENCE, type DriftRule, type Obligation } from './drift-rule';

/** Where age can tip the cohort: the birthday (addMonths' date), the day after, the first day old enough. */
interface AgeDates {
  /** addMonths(date of birth, 12 × age): 28 February for a 29 February birthday in a common year. */
  birthday: CalendarDate;
  dayAfter: CalendarDate;
  /**
   * The first date the child is `age` or older (age never goes down, so "old enough on D" is
   * "D on or after it"): the birthday, or the day after for a 29 February birthday in a common year.
   */
  oldEnoughFrom: CalendarDate;
  /** [oldEnoughFrom]: the rule's change points, one list per (date of birth, age), never written. */
  changePoints: readonly CalendarDate[];
}

// Per age, per date of birth: the same child is asked after most of its events.
const ageDatesKept = new Map<number, Map<CalendarDate, AgeDates>>();
let ageDatesCount = 0;

function ageDates(dateOfBirth: CalendarDate, age: number): AgeDates {
  let byBirth = ageDatesKept.get(age);
  if (byBirth === undefined) ageDatesKept.set(age, (byBirth = new Map()));
  let dates = byBirth.get(dateOfBirth);
  if (dates === undefined) {
    const birthday = addMonths(dateOfBirth, age * 12);
    const dayAfter = addDays(birthday, 1);
    const oldEnoughFrom = ageInYearsOn(dateOfBirth, birthday) >= age ? birthday : dayAfter;
    dates = { birthday, dayAfter, oldEnoughFrom, changePoints: [oldEnoughFrom] };
    if (ageDatesCount >= 100_000) {
      for (const map of ageDatesKept.values()) map.clear();
      ageDatesCount = 0;
    }
    byBirth.set(dateOfBirth, dates);
    ageDatesCount += 1;
  }
  return dates;
}

/**
 * The spells in the cohort (`permanentPlacementsOut` true) or, false, the spells old enough or
 * under s20 whatever the placement: each of those starts on an entry the rule book names (care
 * started under V2 or at the age, a change to V2, the birthday).
 */
function cohortSpells(
  period: PeriodOfCare,
  asAt: CalendarDate,
  age: number,
  dates: AgeDates | undefined,
  permanentPlacementsOut = true,
): Spell[] {
  // Without a date of birth the age counts as 0.
  const from = dates?.oldEnoughFrom;
  const oldEnough = (date: CalendarDate): boolean => (from === undefined ? 0 >= age : date >= from);
  // Never old enough while in this period up to D, and never under s20: no spell (most children).
  const oldEnoughSome =
    from === undefined ? 0 >= age : from <= asAt && (period.end === undefined || from < period.end);
  if (!oldEnoughSome && !period.legalStatuses.some((fact) => fact.code === 'V2')) return [];
  const inCohort = (date: CalendarDate): boolean =>
    isOpenOn(period, date) &&
    (oldEnough(date) || legalStatusOn(period, date) === 'V2') &&
    !(permanentPlacementsOut && isInPermanentPlacement(period, date));
  return spellsOf(pointsOf(period, dates), asAt, inCohort);
}

/** Where a resumed clock runs from: the later of the last named entry and the last audit. */
interface ResumedClock {
  base: CalendarDate;
  /** The audit it runs from, if it is later than the entry. */
  audit?: { date: CalendarDate; eventId?: string };
}

/**
 * Under 'resumes_clock', a spell that starts when a permanent placement ends (not on a named entry)
 * keeps the clock of the entry before it: `months` after that entry or after the last audit on or
 * before the spell starts, whichever is later. Undefined for a spell that starts on a named entry.
 */
function resumedClock(
  period: PeriodOfCare,
  spell: Spell,
  entries: readonly Spell[],
): ResumedClock | undefined {
  const entry = entries.find((e) => e.start <= spell.start && (e.end === undefined || e.end > spell.start));
  if (entry === undefined || entry.start === spell.start) return undefined;
  let audit: ResumedClock['audit'];
  for (const held of period.audits) if (held.date <= spell.start) audit = held;
  return audit && audit.date > entry.start ? { base: audit.date, audit } : { base: entry.start };
}

/** Where the cohort can change within a period: legal status, placement, plan, birthday, ending. */
function pointsOf(period: PeriodOfCare, dates: AgeDates | undefined): CalendarDate[] {
  const points: CalendarDate[] = [period.start];
  for (const fact of period.legalStatuses) points.push(fact.date);
  for (const run of period.placements) {
    points.push(run.start);
    for (const fact of run.types) points.push(fact.date);
  }
  for (const plan of period.plans) points.push(plan.date);
  // 29 February birthdays turn a year older on 1 March in common years: try the next day too.
  if (dates) points.push(dates.birthday, dates.dayAfter);
  if (period.end) points.push(period.end);
  return points;
}

const NO_POINTS: readonly CalendarDate[] = [];

/**
 * The change point that is not a fact date: the first day the child is old enough. Cohort spells
 * are tested at the birthday and the day after too (pointsOf), but the cohort can only change on
 * a fact date or that day, so the other of the two never starts or ends a spell: the obligations
 * stay the same when the date passes it, and the feed need not derive them again there.
 */
function changePoints(summary: JourneySummary, config: DriftConfig): readonly CalendarDate[] {
  if (!summary.dateOfBirth) return NO_POINTS;
  return ageDates(summary.dateOfBirth, config.DR10.age).changePoints;
}

/**
 * The entries that brought the child into the cohort on `start` (the first due date is 6 months
 * after it): the start of care; else a change to V2, a placement starting or changing type (out of
 * a permanent placement), a plan change, each dated that day; else the birthday, a date worked out
 * from the date of birth, so the registration that records it (as DR13 cites it). Only asked for
 * with evidence (never on the feed's path).
 */
function cohortEntryEvidence(
  summary: JourneySummary,
  period: PeriodOfCare,
  start: CalendarDate,
  age: number,
): string[] {
  if (start === period.start) return ids(period.startEventId);
  const found: string[] = [];
  const add = (eventId: string): void => {
    if (eventId !== '' && !found.includes(eventId)) found.push(eventId);
  };
  for (const fact of period.legalStatuses) if (fact.date === start && fact.code === 'V2') add(fact.eventId);
  for (const run of period.placements) {
    if (run.start === start) add(run.startEventId);
    for (const fact of run.types) if (fact.date === start) add(fact.eventId);
  }
  for (const plan of period.plans) if (plan.date === start) add(plan.eventId);
  const { dateOfBirth, registeredEventId } = summary;
  if (dateOfBirth && registeredEventId && ageDates(dateOfBirth, age).oldEnoughFrom === start)
    add(registeredEventId);
  return found.length > 0 ? found : ids(period.startEventId);
}

function obligations(
  summary: JourneySummary,
  asAt: CalendarDate,
  config: DriftConfig,
  withEvidence = true,
): Obligation[] {
  const { age, months, afterPermanentPlacement } = config.DR10;
  const found: Obligation[] = [];
  const { dateOfBirth } = summary;
  for (const period of carePeriods(summary)) {
    const dates = dateOfBirth ? ageDates(dateOfBirth, age) : undefined;
    const spells = cohortSpells(period, asAt, age, dates);
    // The named entries, only when the clock resumes and a spell might start otherwise.
    const entries =
      afterPermanentPlacement === 'resumes_clock' && spells.length > 0
        ? cohortSpells(period, asAt, age, dates, false)
        : undefined;
    for (const spell of spells) {
      const resumed = entries && resumedClock(period, spell, entries);
      // Each audit restarts the clock; an audit on or before entry is not later than the entry.
      let base = resumed?.base ?? spell.start;
      let evidence = !withEvidence
        ? NO_EVIDENCE
        : resumed?.audit
          ? ids(resumed.audit.eventId)
          : cohortEntryEvidence(summary, period, base, age);
      for (;;) {
        const audit = firstAfter(period.audits, base);
        const auditInSpell =
          audit && (spell.end === undefined || audit.date <= spell.end) ? audit : undefined;
        const key = `${spell.start}@${base}`;
        const dueDate = addMonthsKept(base, months);
        // A resumed clock can run from before the spell: never open before the child is back in it.
        const from = base < spell.start ? spell.start : base;
        if (auditInSpell)
          found.push({
            key,
            from,
            dueDate,
            metOn: auditInSpell.date,
            closingEventId: auditInSpell.eventId,
            evidence,
          });
        else if (spell.end !== undefined)
          found.push({
            key,
            from,
            dueDate,
            lapsedOn: spell.end,
            closingEventId: period.end === spell.end ? period.endEventId : undefined,
            evidence,
          });
        else found.push({ key, from, dueDate, evidence });
        if (!auditInSpell) break;
        base = auditInSpell.date;
        evidence = !withEvidence ? NO_EVIDENCE : auditInSpell.eventId ? [auditInSpell.eventId] : [];
      }
    }
  }
  return found;
}

export const DR10: DriftRule = {
  id: 'DR10',
  title: 'Going-home audit due',
  describe: (c) =>
    `Child aged ${c.DR10.age}+ or accommodated under s20 (V2), not in a permanent placement: an audit every ${c.DR10.months} months ` +
    (c.DR10.afterPermanentPlacement === 'resumes_clock'
      ? '(after a permanent placement ends: counted from the last entry to the cohort or audit)'
      : '(after a permanent placement ends: counted from that day)'),
  reads: ['child', 'period', 'legalStatuses', 'placements', 'plans', 'audits'],
  thresholds: (c) => ({ age: c.DR10.age, months: c.DR10.months }),
  obligations,
  changePoints,
};
