/**
 * DR10: a child aged 16+, or accommodated under section 20 (V2), and not in a permanent
 * placement, needs a going-home audit 6 months after entering this cohort and 6 months after
 * each audit since. Leaving the cohort (or care) stops the clock.
 */
import { addDays, addMonths, type CalendarDate } from '@care-journey/journey';
import type { JourneySummary, PeriodOfCare } from '../summary/journey-summary';
import { ageOn, isInPermanentPlacement, isOpenOn, legalStatusOn } from '../summary/queries';
import { carePeriods, firstAfter, ids } from './care-periods';
import { spellsOf, type Spell } from './condition-spells';
import type { DriftConfig } from './drift-config';
import type { DriftRule, Obligation } from './drift-rule';

function cohortSpells(
  summary: JourneySummary,
  period: PeriodOfCare,
  asAt: CalendarDate,
  age: number,
): Spell[] {
  const inCohort = (date: CalendarDate): boolean =>
    isOpenOn(period, date) &&
    ((ageOn(summary, date) ?? 0) >= age || legalStatusOn(period, date) === 'V2') &&
    !isInPermanentPlacement(period, date);
  return spellsOf(pointsOf(summary, period, age), asAt, inCohort);
}

/** Where the cohort can change within a period: legal status, placement, plan, birthday, ending. */
function pointsOf(summary: JourneySummary, period: PeriodOfCare, age: number): CalendarDate[] {
  const birthday = summary.dateOfBirth ? addMonths(summary.dateOfBirth, age * 12) : undefined;
  return [
    period.start,
    ...period.legalStatuses.map((fact) => fact.date),
    ...period.placements.flatMap((run) => [run.start, ...run.types.map((fact) => fact.date)]),
    ...period.plans.map((plan) => plan.date),
    // 29 February birthdays turn a year older on 1 March in common years: try the next day too.
    ...(birthday ? [birthday, addDays(birthday, 1)] : []),
    ...(period.end ? [period.end] : []),
  ];
}

/** Change points that are not fact dates: the birthday (and the day after). */
function changePoints(summary: JourneySummary, config: DriftConfig): CalendarDate[] {
  if (!summary.dateOfBirth) return [];
  const birthday = addMonths(summary.dateOfBirth, config.DR10.age * 12);
  return [birthday, addDays(birthday, 1)];
}

function obligations(summary: JourneySummary, asAt: CalendarDate, config: DriftConfig): Obligation[] {
  const { age, months } = config.DR10;
  return carePeriods(summary).flatMap((period) =>
    cohortSpells(summary, period, asAt, age).flatMap((spell) => {
      const found: Obligation[] = [];
      // Each audit restarts the clock; an audit on or before entry is not later than the entry.
      for (let base = spell.start, evidence = ids(period.startEventId); ;) {
        const audit = firstAfter(period.audits, base);
        const auditInSpell =
          audit && (spell.end === undefined || audit.date <= spell.end) ? audit : undefined;
        const closing = auditInSpell
          ? { metOn: auditInSpell.date, closingEventId: auditInSpell.eventId }
          : spell.end !== undefined
            ? {
                lapsedOn: spell.end,
                closingEventId: period.end === spell.end ? period.endEventId : undefined,
              }
            : {};
        found.push({
          key: `${spell.start}@${base}`,
          from: base,
          dueDate: addMonths(base, months),
          ...closing,
          evidence,
        });
        if (!auditInSpell) break;
        base = auditInSpell.date;
        evidence = ids(auditInSpell.eventId);
      }
      return found;
    }),
  );
}

export const DR10: DriftRule = {
  id: 'DR10',
  title: 'Going-home audit due',
  describe: (c) =>
    `Child aged ${c.DR10.age}+ or accommodated under s20 (V2), not in a permanent placement: an audit every ${c.DR10.months} months`,
  reads: ['child', 'period', 'legalStatuses', 'placements', 'plans', 'audits'],
  thresholds: (c) => ({ age: c.DR10.age, months: c.DR10.months }),
  obligations,
  changePoints,
};
