/**
 * DR05: 3 or more placements within the 12 months up to D. A standing condition, not a
 * missed step: the flag is open on every day the condition holds, from the day the third placement
 * began, and closes when the count falls back below 3 (the window slides past a placement) or the
 * child leaves care: either way it no longer applies (`lapsedOn`), as nobody took a step. As a flag
 * is open when D is after its due date (rule book), the due date is the day before the condition
 * first held, and days overdue count the days it has held, that day included: one figure, which
 * the API, the CSVs and the pages ("Open 8 days, from 20 November 2026") all show
 * (docs/drift-rules.md). "The 12 months up to D" is ST1's window (firstDayOfMonthsUpTo: from the
 * day after D − 12 months to D), so on a 31 March DR05 and ST1 count the same placements. Its evidence is
 * the placements counted on the day it opened (the ones its "from" date rests on) and those in the 12
 * months up to D (up to its last open day once closed: the moves that keep it open), oldest first, each
 * once (review s16-ofsted F3: until session 16 only the latter, so a flag open for years could not be
 * traced back to its start).
 */
import type { CalendarDate } from '@care-journey/journey';
import { addDaysKept, addMonthsKept } from '../calendar/date-memo';
import { firstDayOfMonthsUpTo, placementsInMonthsUpTo } from '../measures/stability';
import type { JourneySummary, PeriodOfCare, PlacementRun } from '../summary/journey-summary';
import { isOpenOn } from '../summary/queries';
import { carePeriods } from './care-periods';
import { spellsOf, type Spell } from './condition-spells';
import type { DriftConfig } from './drift-config';
import { NO_EVIDENCE, type DriftRule, type Obligation } from './drift-rule';

/**
 * How many runs are in effect at some point in the `months` up to `date`: placementsInMonthsUpTo's
 * length (same window, same test), without making the list at every date the scan tries.
 */
function countOn(runs: readonly PlacementRun[], date: CalendarDate, months: number): number {
  const windowStart = firstDayOfMonthsUpTo(date, months);
  let count = 0;
  for (const run of runs)
    if (run.start <= date && (run.end === undefined || run.end > windowStart)) count += 1;
  return count;
}

/** The care periods' placement runs, oldest first; undefined when fewer than `threshold`. */
function runsOf(periods: readonly PeriodOfCare[], threshold: number): PlacementRun[] | undefined {
  let count = 0;
  for (const period of periods) count += period.placements.length;
  if (count < threshold) return undefined;
  const runs: PlacementRun[] = [];
  // A run can be in two parts of one period (short breaks between them, same carer): once here.
  for (const period of periods)
    for (const run of period.placements)
      if (!runs.some((r) => r.startEventId === run.startEventId)) runs.push(run);
  return runs;
}

/**
 * The day a run that ended leaves the window, and the day after: its last day (the day before
 * `end`) is out once the window starts after it, on that day + `months`, or a day later when month
 * clamping puts that on a month end (last day 29 Feb 2024: still in on 28 Feb 2025, out on 1 Mar).
 */
function pushWindowExits(points: CalendarDate[], runs: readonly PlacementRun[], months: number): void {
  for (const run of runs)
    if (run.end) {
      const out = addMonthsKept(addDaysKept(run.end, -1), months);
      points.push(out, addDaysKept(out, 1));
    }
}

/** Change points that are not fact dates: a placement leaving the window (and the day after). */
function changePoints(summary: JourneySummary, config: DriftConfig): CalendarDate[] {
  const { placements: threshold, months } = config.DR05;
  const runs = runsOf(carePeriods(summary), threshold);
  const points: CalendarDate[] = [];
  if (runs) pushWindowExits(points, runs, months);
  return points;
}

/**
 * The day whose window is the flag's evidence: D while the flag is open (the placements keeping it
 * open now, not those that opened it), else its last open day. That window changes only at a run's
 * start or its leaving the window, both change points, so the rule's `reads` promise still holds.
 */
const evidenceDay = (spell: Spell, asAt: CalendarDate): CalendarDate =>
  spell.end === undefined ? asAt : addDaysKept(spell.end, -1);

/** The placements counted on the spell's first day, then those counted on its evidence day, each once. */
function evidenceOf(summary: JourneySummary, spell: Spell, asAt: CalendarDate, months: number): string[] {
  const ids = placementsInMonthsUpTo(summary, spell.start, months).map((run) => run.startEventId);
  for (const run of placementsInMonthsUpTo(summary, evidenceDay(spell, asAt), months))
    if (!ids.includes(run.startEventId)) ids.push(run.startEventId);
  return ids;
}

function obligations(
  summary: JourneySummary,
  asAt: CalendarDate,
  config: DriftConfig,
  evidence = true,
): Obligation[] {
  const { placements: threshold, months } = config.DR05;
  const periods = carePeriods(summary);
  const runs = runsOf(periods, threshold);
  // Most children never had enough placements for the condition to hold: skip the date scan.
  if (!runs) return [];
  const inCare = (date: CalendarDate): boolean => {
    // The counted parts (not the summary's periods: a part may start after its period on short breaks).
    for (const period of periods) if (isOpenOn(period, date)) return true;
    return false;
  };
  const holds = (date: CalendarDate): boolean => inCare(date) && countOn(runs, date, months) >= threshold;
  // Where the count can change: placements starting, leaving the window (month clamping can put
  // that a day later, so try both days), periods ending.
  const points: CalendarDate[] = [];
  for (const run of runs) points.push(run.start);
  pushWindowExits(points, runs, months);
  for (const period of periods) if (period.end) points.push(period.end);
  return spellsOf(points, asAt, holds).map((spell) => {
    const endedCare = spell.end !== undefined && !inCare(spell.end);
    const endingPeriod = endedCare ? periods.find((period) => period.end === spell.end) : undefined;
    return {
      key: spell.start,
      from: spell.start,
      // Open from the day the condition holds (see the file comment).
      dueDate: addDaysKept(spell.start, -1),
      // No step ends a condition: the window sliding past a placement, like care ending, is a lapse.
      lapsedOn: spell.end,
      closingEventId: endingPeriod?.endEventId,
      evidence: evidence ? evidenceOf(summary, spell, asAt, months) : NO_EVIDENCE,
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
  condition: {
    ended: (t) => `fewer than ${String(t.placements)} placements in the ${String(t.months)} months`,
  },
};
