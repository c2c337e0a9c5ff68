/**
 * DR05: 3 or more placements within the 12 months up to D. A standing condition, not a
 * missed step: the flag is due the day the third placement began and closes when the count
 * falls back below 3 (the window slides past a placement) or the child leaves care.
 */
import { addDays, addMonths, type CalendarDate } from '@care-journey/journey';
import type { JourneySummary, PeriodOfCare, PlacementRun } from '../summary/journey-summary';
import { periodOn } from '../summary/queries';
import { carePeriods } from './care-periods';
import { spellsOf } from './condition-spells';
import type { DriftConfig } from './drift-config';
import type { DriftRule, Obligation } from './drift-rule';

const countedOn = (runs: PlacementRun[], date: CalendarDate, months: number): PlacementRun[] => {
  const windowStart = addMonths(date, -months);
  return runs.filter((run) => run.start <= date && (run.end === undefined || run.end > windowStart));
};

/** Where the count can change: placements starting, leaving the window, periods ending. */
const pointsOf = (periods: PeriodOfCare[], runs: PlacementRun[], months: number): CalendarDate[] => [
  ...runs.map((run) => run.start),
  ...runs.flatMap((run) =>
    run.end ? [addMonths(run.end, months), addDays(addMonths(run.end, months), 1)] : [],
  ),
  ...periods.flatMap((period) => (period.end ? [period.end] : [])),
];

/** Change points that are not fact dates: a placement leaving the window (and the day after). */
function changePoints(summary: JourneySummary, config: DriftConfig): CalendarDate[] {
  const { placements: threshold, months } = config.DR05;
  const runs = carePeriods(summary).flatMap((period) => period.placements);
  if (runs.length < threshold) return [];
  return runs.flatMap((run) =>
    run.end ? [addMonths(run.end, months), addDays(addMonths(run.end, months), 1)] : [],
  );
}

function obligations(summary: JourneySummary, asAt: CalendarDate, config: DriftConfig): Obligation[] {
  const { placements: threshold, months } = config.DR05;
  const periods = carePeriods(summary);
  const runs = periods.flatMap((period) => period.placements);
  // Most children never had enough placements for the condition to hold: skip the date scan.
  if (runs.length < threshold) return [];
  const inCare = (date: CalendarDate): boolean => {
    const period = periodOn(summary, date);
    return period !== undefined && periods.includes(period);
  };
  const holds = (date: CalendarDate): boolean =>
    inCare(date) && countedOn(runs, date, months).length >= threshold;
  // The count rises at a start and falls once a run's end leaves the window (month clamping can
  // put that a day later, so try both days).
  return spellsOf(pointsOf(periods, runs, months), asAt, holds).map((spell) => {
    const endedCare = spell.end !== undefined && !inCare(spell.end);
    const endingPeriod = endedCare ? periods.find((period) => period.end === spell.end) : undefined;
    return {
      key: spell.start,
      from: spell.start,
      dueDate: spell.start,
      metOn: spell.end !== undefined && !endedCare ? spell.end : undefined,
      lapsedOn: endedCare ? spell.end : undefined,
      closingEventId: endingPeriod?.endEventId,
      evidence: countedOn(runs, spell.start, months).map((run) => run.startEventId),
    };
  });
}

export const DR05: DriftRule = {
  id: 'DR05',
  title: 'Placement instability',
  describe: (c) =>
    `${c.DR05.placements} or more placements within the ${c.DR05.months} months up to the date`,
  reads: ['period', 'placements'],
  thresholds: (c) => ({ placements: c.DR05.placements, months: c.DR05.months }),
  obligations,
  changePoints,
};
