/**
 * DR14: statutory visits (reg 28 of the Care Planning, Placement and Case Review (England)
 * Regulations 2010; national-definitions §4). Each placement (a run with one carer) needs a visit
 * within a week of starting; then one within 6 weeks of each visit in the placement's first year;
 * after it, within 3 months in long-term fostering confirmed (the placement meant to last until 18),
 * else within 6 weeks; within a week for a child at home under an interim care order (C1 in P1)
 * until the first review. The interval after a visit is the one that applies on the visit's day.
 * A move to a new carer starts again; a placement for adoption (A3–A6), care ending or a new
 * placement ends the chain. No visit falls due on or after the 18th birthday. Nothing falls due
 * until the authority sets DR14.recordedFrom, the day it starts recording visits; a placement
 * already running that day counts from it, as if visited then. Choices and what is not covered:
 * docs/drift-rules.md.
 */
import { eighteenthBirthday, isAdoptionPlacement, type CalendarDate } from '@care-journey/journey';
import { addDaysKept, addMonthsKept } from '../calendar/date-memo';
import type { DatedFact, JourneySummary, PeriodOfCare, PlacementRun } from '../summary/journey-summary';
import { isInLongTermFosteringOn, legalStatusOn, placementTypeOn } from '../summary/queries';
import { carePeriods } from './care-periods';
import { DR14_OFF, type DriftConfig } from './drift-config';
import { NO_EVIDENCE, type DriftRule, type Obligation, type ThresholdValues } from './drift-rule';

const NO_VISITS: readonly DatedFact[] = [];

/** Where a placement's chain of visits stops: the next carer, a placement for adoption, the end of care. */
function chainStop(period: PeriodOfCare, index: number): DatedFact | undefined {
  const run = period.placements[index];
  let stop: DatedFact | undefined;
  const earlier = (date: CalendarDate | undefined, eventId: string | undefined): void => {
    if (date !== undefined && (stop === undefined || date < stop.date))
      stop = { date, eventId: eventId ?? '' };
  };
  for (const fact of run.types) {
    if (isAdoptionPlacement(fact.placementType)) {
      earlier(fact.date, fact.eventId);
      break;
    }
  }
  const next = period.placements[index + 1];
  if (next !== undefined) earlier(next.start, next.startEventId);
  // A spell off short breaks ends with its period view (its runs are not cut there).
  earlier(period.end, period.endEventId);
  return stop;
}

/** Why a visit falls due when it does: the interval and the threshold the flag shows. */
type Interval = 'firstVisit' | 'icoAtHome' | 'firstYear' | 'longTerm' | 'later';

function intervalAfter(period: PeriodOfCare, run: PlacementRun, visit: CalendarDate): Interval {
  // At home under an interim care order until the first review (reg 28(3)).
  if (
    legalStatusOn(period, visit) === 'C1' &&
    placementTypeOn(period, visit) === 'P1' &&
    !(period.reviews.length > 0 && period.reviews[0].date <= visit)
  )
    return 'icoAtHome';
  if (visit < addMonthsKept(run.start, 12)) return 'firstYear';
  return isInLongTermFosteringOn(period, visit) ? 'longTerm' : 'later';
}

function dueAfter(base: CalendarDate, interval: Interval, c: DriftConfig['DR14']): CalendarDate {
  switch (interval) {
    case 'firstVisit':
      return addDaysKept(base, c.firstVisitDays);
    case 'icoAtHome':
      return addDaysKept(base, c.icoAtHomeDays);
    case 'firstYear':
      return addDaysKept(base, c.firstYearWeeks * 7);
    case 'longTerm':
      return addMonthsKept(base, c.longTermMonths);
    case 'later':
      return addDaysKept(base, c.laterWeeks * 7);
  }
}

// One threshold object per interval and config (the feed derives obligations after most events).
const thresholdsOf = new WeakMap<DriftConfig['DR14'], Record<Interval, ThresholdValues>>();

function thresholdFor(interval: Interval, c: DriftConfig['DR14'], fresh: boolean): ThresholdValues {
  let kept = thresholdsOf.get(c);
  if (kept === undefined) {
    kept = {
      firstVisit: { interval: 'first visit of a placement', days: c.firstVisitDays },
      icoAtHome: { interval: 'at home under an interim care order', days: c.icoAtHomeDays },
      firstYear: { interval: "placement's first year", weeks: c.firstYearWeeks },
      longTerm: { interval: 'long-term fostering confirmed', months: c.longTermMonths },
      later: { interval: 'after the first year', weeks: c.laterWeeks },
    };
    thresholdsOf.set(c, kept);
  }
  // A copy for flags that are shown (a caller may change its flag's threshold); the feed's is shared.
  return fresh ? { ...kept[interval] } : kept[interval];
}

/** The index of the first visit on or after `date` (visits are in date order). */
function firstFrom(visits: readonly DatedFact[], date: CalendarDate, from: number): number {
  let i = from;
  while (i < visits.length && visits[i].date < date) i++;
  return i;
}

function runObligations(
  period: PeriodOfCare,
  index: number,
  recordedFrom: CalendarDate,
  adultFrom: CalendarDate | undefined,
  c: DriftConfig['DR14'],
  withEvidence: boolean,
  found: Obligation[],
): void {
  const run = period.placements[index];
  if (isAdoptionPlacement(run.types[0]?.placementType)) return;
  const stop = chainStop(period, index);
  // Ended before visits were recorded here: nothing to ask of it.
  if (stop !== undefined && stop.date <= recordedFrom) return;
  const visits = period.visits ?? NO_VISITS;
  // Already running when recording began: counted from that day, with the interval of that day.
  const before = run.start < recordedFrom;
  let base = before ? recordedFrom : run.start;
  let interval: Interval = before ? intervalAfter(period, run, base) : 'firstVisit';
  let evidence = withEvidence ? [run.startEventId] : NO_EVIDENCE;
  // The first visit may be on the day the chain starts; each later one after the visit before.
  let next = firstFrom(visits, base, 0);
  for (;;) {
    const dueDate = dueAfter(base, interval, c);
    if (adultFrom !== undefined && dueDate >= adultFrom) return;
    const visit = next < visits.length ? visits[next] : undefined;
    const inRun = visit !== undefined && (stop === undefined || visit.date < stop.date) ? visit : undefined;
    const threshold = thresholdFor(interval, c, withEvidence);
    const key = `${run.start}@${base}`;
    if (inRun)
      found.push({
        key,
        from: base,
        dueDate,
        metOn: inRun.date,
        closingEventId: inRun.eventId,
        evidence,
        threshold,
      });
    else if (stop !== undefined)
      found.push({
        key,
        from: base,
        dueDate,
        lapsedOn: stop.date,
        ...(stop.eventId !== '' && { closingEventId: stop.eventId }),
        evidence,
        threshold,
      });
    else found.push({ key, from: base, dueDate, evidence, threshold });
    if (!inRun) return;
    base = inRun.date;
    interval = intervalAfter(period, run, base);
    evidence = withEvidence ? [inRun.eventId] : NO_EVIDENCE;
    // A second visit the same day is not the next one.
    next = firstFrom(visits, addDaysKept(base, 1), next);
  }
}

function obligations(
  summary: JourneySummary,
  asAt: CalendarDate,
  config: DriftConfig,
  withEvidence = true,
): Obligation[] {
  const { recordedFrom } = config.DR14;
  // Not recorded here yet (the default), or not yet as at D: no visit can be asked for.
  if (recordedFrom === DR14_OFF || asAt < recordedFrom) return [];
  const found: Obligation[] = [];
  const adultFrom = summary.dateOfBirth ? eighteenthBirthday(summary.dateOfBirth) : undefined;
  for (const period of carePeriods(summary))
    for (let index = 0; index < period.placements.length; index++)
      runObligations(period, index, recordedFrom, adultFrom, config.DR14, withEvidence, found);
  return found;
}

const NO_POINTS: readonly CalendarDate[] = [];
// One list per setting: the feed asks after most events.
const pointsOf = new Map<CalendarDate, readonly CalendarDate[]>();

/** The day recording began is the one date, not a fact's, on which the obligations change. */
function changePoints(_summary: JourneySummary, config: DriftConfig): readonly CalendarDate[] {
  const { recordedFrom } = config.DR14;
  if (recordedFrom === DR14_OFF) return NO_POINTS;
  let points = pointsOf.get(recordedFrom);
  if (points === undefined) pointsOf.set(recordedFrom, (points = [recordedFrom]));
  return points;
}

export const DR14: DriftRule = {
  id: 'DR14',
  title: 'Statutory visit due',
  describe: ({ DR14: c }) =>
    (c.recordedFrom === DR14_OFF
      ? 'Off until the authority sets the day it starts recording visits (DR14.recordedFrom). Then: '
      : `Visits recorded from ${c.recordedFrom}: `) +
    `a statutory visit (reg 28) within ${c.firstVisitDays} days of a placement starting, then every ${c.firstYearWeeks} weeks in its first year; ` +
    `after it every ${c.longTermMonths} months in long-term fostering confirmed, else every ${c.laterWeeks} weeks; ` +
    `every ${c.icoAtHomeDays} days at home under an interim care order until the first review`,
  // Obligations depend on asAt only through fact dates (the summary is trimmed to it) and the day
  // recording began (changePoints): the first year's end and the 18th birthday are compared with
  // visit dates and due dates, never with asAt.
  reads: ['child', 'period', 'legalStatuses', 'placements', 'plans', 'firstReviews', 'visits'],
  thresholds: ({ DR14: c }) => ({ ...c }),
  obligations,
  changePoints,
};
