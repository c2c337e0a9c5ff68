/**
 * National placement-stability measures as at a 31 March (rule book, "Placement stability"), and
 * the same measures as a running figure for the 12 (24, 30) months up to any date D.
 * Placements are counted runs with the same carer.
 *
 * Short breaks (V3/V4) are excluded: "All DfE figures exclude children looked after under an
 * agreed series of short-term placements (V3/V4)" (national-definitions §3, counting rules [E7]),
 * and the rule book excludes them "from every stability figure". So a child is in a measure only
 * while looked after otherwise, in a counted part of a period of care (spellsOffShortBreaks, the
 * rule every drift rule, the scorecard and the API's next review date use): "looked after for
 * 2 years / 2.5 years" (ST2/ST3) is timed from the day the child became looked after on another
 * basis, not from a first short break before it, and placements made during short breaks are not
 * counted (ST1–ST3; one carried on past the change counts once, from it). docs/drift-rules.md.
 *
 * Running figure (stabilityAsAt): each definition with "31 March" replaced by D, nothing else
 * changed, so on a 31 March the running figure equals the national one.
 * - ST1: looked after on D, 3+ placements in the 12 months up to D, i.e. from the day after
 *   D − 12 months to D (D − 12 months clamps to month end: 29 Feb 2024 − 12 months = 28 Feb 2023,
 *   so that window starts 1 Mar 2023).
 * - ST2: looked after on D for 2+ years (started on or before D − 24 months), 3+ placements in
 *   the 24 months up to D.
 * - ST3: under 16 on D, looked after since D − 30 months or earlier, counted when in the same
 *   placement since D − 24 months (or placed for adoption with the previous placement from then).
 */
import { addMonths, type CalendarDate } from '@care-journey/journey';
import { firstDayOfMonthsUpToKept } from '../calendar/date-memo';
import type { JourneySummary, PlacementRun } from '../summary/journey-summary';
import { carePeriodOn } from '../summary/periods-off-short-breaks';
import { ageOn, isPlacedForAdoptionOn, placementsDuring, runOn } from '../summary/queries';
import { assertThirtyFirstOfMarch, childRefOf, percentage, type ChildRef } from './measure-types';

export type StabilityMeasureId = 'ST1' | 'ST2' | 'ST3';

export interface StabilityChild extends ChildRef {
  /** In the numerator (unstable for ST1/ST2, stable for ST3). */
  counted: boolean;
  placements: number;
  /** The start of the counted part of care on D (after short breaks, the day they gave way). */
  periodStart: CalendarDate;
  /** Start events of the placements looked at. */
  evidence: string[];
  /** ST1/ST2: the start dates of the placements counted, oldest first (review s16-ofsted F7). */
  placementStarts?: CalendarDate[];
  /** ST3: the day the current placement (the same carer) started: counted if 2+ years before D. */
  currentPlacementSince?: CalendarDate;
  /**
   * ST3, placed for adoption on D: the start of the placement before the adoptive one, from which the
   * two together are timed (counted if 2+ years before D).
   */
  combinedSince?: CalendarDate;
}

export interface StabilityMeasure {
  measure: StabilityMeasureId;
  title: string;
  /** The last day measured: a 31 March for the national figure, any date for the running one. */
  yearEnding: CalendarDate;
  numerator: number;
  denominator: number;
  percentage: number | null;
  children: StabilityChild[];
}

/**
 * The first day of "the `months` up to D": the day after D − months (month-end clamped), so the
 * window holds D and the days back to, not including, the same day `months` earlier. The one
 * window rule of ST1/ST2, DR05 and the authority's 3+ placements measure.
 */
export const firstDayOfMonthsUpTo = (date: CalendarDate, months: number): CalendarDate =>
  firstDayOfMonthsUpToKept(date, months);

/** Counted placements in effect at some point in the `months` up to D (placementsDuring, once each). */
export const placementsInMonthsUpTo = (
  summary: JourneySummary,
  date: CalendarDate,
  months: number,
): PlacementRun[] => placementsDuring(summary, firstDayOfMonthsUpTo(date, months), date);

/** Looked after on D other than on short breaks: the counted part of care, timed from its start. */
const lookedAfterOn = carePeriodOn;

function measure(
  id: StabilityMeasureId,
  title: string,
  yearEnding: CalendarDate,
  children: StabilityChild[],
): StabilityMeasure {
  const numerator = children.filter((child) => child.counted).length;
  return {
    measure: id,
    title,
    yearEnding,
    numerator,
    denominator: children.length,
    percentage: percentage(numerator, children.length),
    children,
  };
}

/** Children with 3+ placements over `months` up to D, among those in care at D (for `minMonths`+). */
function manyPlacements(
  summaries: readonly JourneySummary[],
  yearEnding: CalendarDate,
  months: number,
  minMonthsInCare: number,
) {
  const children: StabilityChild[] = [];
  for (const summary of summaries) {
    const period = lookedAfterOn(summary, yearEnding);
    if (!period || period.start > addMonths(yearEnding, -minMonthsInCare)) continue;
    const runs = placementsInMonthsUpTo(summary, yearEnding, months);
    children.push({
      ...childRefOf(summary),
      counted: runs.length >= 3,
      placements: runs.length,
      periodStart: period.start,
      evidence: runs.map((run) => run.startEventId),
      placementStarts: runs.map((run) => run.start),
    });
  }
  return children;
}

/** ST1: looked after at 31 March with 3 or more placements during the year ending that day. */
export function stabilityST1(
  summaries: readonly JourneySummary[],
  yearEnding: CalendarDate,
): StabilityMeasure {
  assertThirtyFirstOfMarch(yearEnding, 'yearEnding');
  return st1On(summaries, yearEnding);
}

function st1On(summaries: readonly JourneySummary[], yearEnding: CalendarDate): StabilityMeasure {
  return measure(
    'ST1',
    '3 or more placements during the year',
    yearEnding,
    manyPlacements(summaries, yearEnding, 12, 0),
  );
}

/** ST2: looked after at 31 March for at least 2 years, with 3 or more placements in those 2 years. */
export function stabilityST2(
  summaries: readonly JourneySummary[],
  yearEnding: CalendarDate,
): StabilityMeasure {
  assertThirtyFirstOfMarch(yearEnding, 'yearEnding');
  return st2On(summaries, yearEnding);
}

function st2On(summaries: readonly JourneySummary[], yearEnding: CalendarDate): StabilityMeasure {
  return measure(
    'ST2',
    '3 or more placements over 2 years (looked after 2+ years)',
    yearEnding,
    manyPlacements(summaries, yearEnding, 24, 24),
  );
}

/**
 * ST3: under 16 at 31 March, looked after continuously for 2.5+ years; counted when in the same
 * placement for 2+ years, or placed for adoption with the adoptive and the previous placement
 * together lasting 2+ years.
 */
export function stabilityST3(
  summaries: readonly JourneySummary[],
  yearEnding: CalendarDate,
): StabilityMeasure {
  assertThirtyFirstOfMarch(yearEnding, 'yearEnding');
  return st3On(summaries, yearEnding);
}

function st3On(summaries: readonly JourneySummary[], yearEnding: CalendarDate): StabilityMeasure {
  const twoYearsAgo = addMonths(yearEnding, -24);
  const children: StabilityChild[] = [];
  for (const summary of summaries) {
    const period = lookedAfterOn(summary, yearEnding);
    const age = ageOn(summary, yearEnding);
    if (!period || age === undefined || age >= 16 || period.start > addMonths(yearEnding, -30)) continue;
    const current = runOn(period, yearEnding);
    if (!current) continue;
    const index = period.placements.indexOf(current);
    const previous = index > 0 ? period.placements[index - 1] : undefined;
    const sameForTwoYears = current.start <= twoYearsAgo;
    const placedForAdoption = isPlacedForAdoptionOn(period, yearEnding);
    const adoptiveWithPrevious = placedForAdoption && previous !== undefined && previous.start <= twoYearsAgo;
    children.push({
      ...childRefOf(summary),
      counted: sameForTwoYears || adoptiveWithPrevious,
      placements: period.placements.filter((run) => run.start <= yearEnding).length,
      periodStart: period.start,
      evidence: [current.startEventId, ...(previous ? [previous.startEventId] : [])],
      // The dates the 2-year test judges, so a sampled child can be checked from the list alone.
      currentPlacementSince: current.start,
      ...(placedForAdoption && previous !== undefined && { combinedSince: previous.start }),
    });
  }
  return measure(
    'ST3',
    'Same placement for 2+ years (under 16, looked after 2.5+ years)',
    yearEnding,
    children,
  );
}

export const stability = (
  summaries: readonly JourneySummary[],
  yearEnding: CalendarDate,
): StabilityMeasure[] => [
  stabilityST1(summaries, yearEnding),
  stabilityST2(summaries, yearEnding),
  stabilityST3(summaries, yearEnding),
];

/** The running figure: ST1–ST3 for the months up to any date (see the file comment). */
export const stabilityAsAt = (
  summaries: readonly JourneySummary[],
  asAt: CalendarDate,
): StabilityMeasure[] => [st1On(summaries, asAt), st2On(summaries, asAt), st3On(summaries, asAt)];
