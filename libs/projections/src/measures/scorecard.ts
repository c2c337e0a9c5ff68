/**
 * Adoption scorecard A1, A2, A3, A10 for the three reporting years ending on a 31 March
 * (rule book, "Time to permanence and the adoption scorecard"), for children adopted in that
 * period. Each indicator shows its numerator, denominator, the children behind it and the
 * threshold it is judged against.
 */
import { addDays, addMonths, daysBetween, type CalendarDate } from '@care-journey/journey';
import type { JourneySummary } from '../summary/journey-summary';
import type { CarePeriod } from '../summary/periods-off-short-breaks';
import { placementOrderOf, runOn } from '../summary/queries';
import { adoptionPathOn, adoptivePlacement } from '../summary/adoption-path';
import { carePeriods } from '../rules/care-periods';
import { LOCAL_ADOPTION_TARGET_DAYS } from '../rules/drift-config';
import { assertThirtyFirstOfMarch, childRefOf, percentage, type ChildRef } from './measure-types';
import { meanBesideThreshold } from './mean-beside-threshold';
import { DEFAULT_SCORECARD_THRESHOLDS, thresholdFor, type ScorecardThreshold } from './scorecard-thresholds';

export interface ScorecardChild extends ChildRef {
  enteredCare: CalendarDate;
  adoptionOrder: CalendarDate;
  movedIn?: CalendarDate;
  /** A10's end date: the start of the foster placement when the foster carer adopts. */
  a10End?: CalendarDate;
  placementOrder?: CalendarDate;
  matched?: CalendarDate;
  a1Days?: number;
  a10Days?: number;
  a2Days?: number;
  /** Waited under 14 months from entering care to moving in (A3). */
  under14Months?: boolean;
  evidence: string[];
}

export interface MeanIndicator {
  indicator: 'A1' | 'A2' | 'A10';
  title: string;
  /** Total days over the children counted. */
  numerator: number;
  denominator: number;
  meanDays: number | null;
  thresholdDays: number;
  /** Exact mean (numerator / denominator) at or under the threshold (null when no child counts). */
  meetsThreshold: boolean | null;
  localTargetDays?: number;
  childIds: string[];
}

export interface ShareIndicator {
  indicator: 'A3';
  title: string;
  numerator: number;
  denominator: number;
  percentage: number | null;
  childIds: string[];
}

export interface Scorecard {
  periodEnding: CalendarDate;
  periodStart: CalendarDate;
  threshold: ScorecardThreshold;
  A1: MeanIndicator;
  A2: MeanIndicator;
  A3: ShareIndicator;
  A10: MeanIndicator;
  children: ScorecardChild[];
}

export interface ScorecardOptions {
  thresholds?: readonly ScorecardThreshold[];
  localA1TargetDays?: number;
  /**
   * "Entering care" of a period begun on short breaks (authority setting scorecard.enteredCare):
   * `period_start` (default), the period's first day as the 903 episode gives it; `counted_part`,
   * the day the child became looked after otherwise.
   */
  enteredCare?: 'period_start' | 'counted_part';
}

/** The day the child entered care for A1, A3 and A10, and the event that says so. */
function entryOf(period: CarePeriod, enteredCare: ScorecardOptions['enteredCare']) {
  if (enteredCare === 'counted_part' || !period.spellOf)
    return { date: period.start, eventId: period.startEventId };
  return { date: period.spellOf.periodStart, eventId: period.spellOf.periodStartEventId };
}

/**
 * The steps of the adoption path that led to the order (summary/adoption-path.ts): the move-in is the
 * A3–A6 placement the child was in when adopted (a disrupted placement or a reversed decision's move-in
 * does not count: rule book, "moving in with the adoptive family"), and A2's match is that path's match,
 * the 903 AD1's DATE_MATCH. Court authority to place is the first placement order (it outlives a reversal),
 * or the start of a period of care begun under one (LS E1).
 */
function adoptedChild(
  summary: JourneySummary,
  period: CarePeriod,
  enteredCare: ScorecardOptions['enteredCare'],
): ScorecardChild | undefined {
  const order = period.adoption.order;
  if (!order) return undefined;
  const placed = adoptivePlacement(period);
  const entry = entryOf(period, enteredCare);
  const child: ScorecardChild = {
    ...childRefOf(summary),
    enteredCare: entry.date,
    adoptionOrder: order.date,
    evidence: [entry.eventId, order.eventId],
  };
  if (placed && placed.date <= order.date) {
    child.movedIn = placed.date;
    child.a1Days = daysBetween(entry.date, placed.date);
    child.under14Months = placed.date < addMonths(entry.date, 14);
    const fosterRun = order.adoptedByFosterCarer ? runOn(period, placed.date) : undefined;
    child.a10End = fosterRun ? fosterRun.start : placed.date;
    child.a10Days = daysBetween(entry.date, child.a10End);
    child.evidence.push(placed.eventId);
    // A2 needs court authority to place and a placement before the adoption order.
    const authority = placementOrderOf(period);
    const match = adoptionPathOn(period.adoption, order.date).match;
    if (authority && match) {
      child.placementOrder = authority.date;
      child.matched = match.date;
      child.a2Days = Math.max(0, daysBetween(authority.date, match.date));
      child.evidence.push(authority.eventId, match.eventId);
    }
  }
  return child;
}

function meanIndicator(
  indicator: MeanIndicator['indicator'],
  title: string,
  children: ScorecardChild[],
  days: (child: ScorecardChild) => number | undefined,
  thresholdDays: number,
): MeanIndicator {
  const counted = children.filter((child) => days(child) !== undefined);
  const values = counted.map((child) => days(child) as number);
  const numerator = values.reduce((a, b) => a + b, 0);
  // Judged on the exact mean; shown to 1 dp without rounding onto the threshold.
  const { meanDays, meetsThreshold } = meanBesideThreshold(numerator, values.length, thresholdDays);
  return {
    indicator,
    title,
    numerator,
    denominator: values.length,
    meanDays,
    thresholdDays,
    meetsThreshold,
    childIds: counted.map((child) => child.childId),
  };
}

export function scorecard(
  summaries: readonly JourneySummary[],
  periodEnding: CalendarDate,
  options: ScorecardOptions = {},
): Scorecard {
  assertThirtyFirstOfMarch(periodEnding, 'periodEnding');
  const periodStart = addDays(addMonths(periodEnding, -36), 1);
  const threshold = thresholdFor(
    Number(periodEnding.slice(0, 4)),
    options.thresholds ?? DEFAULT_SCORECARD_THRESHOLDS,
  );
  const children = summaries.flatMap((summary) =>
    carePeriods(summary)
      .filter(
        (period) =>
          period.adoption.order &&
          period.adoption.order.date >= periodStart &&
          period.adoption.order.date <= periodEnding,
      )
      .map((period) => adoptedChild(summary, period, options.enteredCare))
      .filter((child): child is ScorecardChild => child !== undefined),
  );
  const A1 = meanIndicator(
    'A1',
    'Entering care to moving in with the adoptive family',
    children,
    (c) => c.a1Days,
    threshold.a1Days,
  );
  A1.localTargetDays = options.localA1TargetDays ?? LOCAL_ADOPTION_TARGET_DAYS;
  const movedIn = children.filter((child) => child.movedIn !== undefined);
  const waitedLess = movedIn.filter((child) => child.under14Months);
  return {
    periodEnding,
    periodStart,
    threshold,
    A1,
    A2: meanIndicator(
      'A2',
      'Court authority to place to match decision',
      children,
      (c) => c.a2Days,
      threshold.a2Days,
    ),
    A3: {
      indicator: 'A3',
      title: 'Moved in with the adoptive family less than 14 months after entering care',
      numerator: waitedLess.length,
      denominator: movedIn.length,
      percentage: percentage(waitedLess.length, movedIn.length),
      childIds: waitedLess.map((child) => child.childId),
    },
    A10: meanIndicator(
      'A10',
      'A1 adjusted for foster-carer adoptions',
      children,
      (c) => c.a10Days,
      threshold.a1Days,
    ),
    children,
  };
}
