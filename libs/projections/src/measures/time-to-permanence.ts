/**
 * Time to permanence per child: days from the start of the period of care to each permanence
 * milestone, by route (rule book, "Time to permanence"). Milestones dated within [from, to].
 */
import { daysBetween, type CalendarDate } from '@care-journey/journey';
import type { DatedFact, JourneySummary, PeriodOfCare } from '../summary/journey-summary';
import { currentPlan, placementTypeOn } from '../summary/queries';
import { carePeriods } from '../rules/care-periods';
import { adoptivePlacement } from '../summary/adoption-path';
import { unmatchedBreakdownAfter } from '../rules/dr11-plan-stalled';
import { childRefOf, mean, median, type ChildRef } from './measure-types';

export const PERMANENCE_MILESTONES = [
  'adoption_move_in',
  'adoption_order',
  'special_guardianship_order',
  'child_arrangements_order',
  'planned_return_home',
  'long_term_fostering_confirmed',
] as const;
export type PermanenceMilestone = (typeof PERMANENCE_MILESTONES)[number];

export interface PermanenceRow extends ChildRef {
  milestone: PermanenceMilestone;
  periodStart: CalendarDate;
  date: CalendarDate;
  days: number;
  evidence: string[];
}

export interface PermanenceByMilestone {
  milestone: PermanenceMilestone;
  children: number;
  meanDays: number | null;
  medianDays: number | null;
}

export interface TimeToPermanence {
  from: CalendarDate;
  to: CalendarDate;
  byMilestone: PermanenceByMilestone[];
  rows: PermanenceRow[];
}

const ENDING_MILESTONES: Record<string, PermanenceMilestone> = {
  E45: 'special_guardianship_order',
  E46: 'special_guardianship_order',
  E47: 'special_guardianship_order',
  E48: 'special_guardianship_order',
  E41: 'child_arrangements_order',
  E4A: 'planned_return_home',
};

const isLongTerm = (type: string | undefined): boolean => type === 'U1' || type === 'U4';

/**
 * Long-term fostering is confirmed on the first day the plan in force is long-term fostering and the
 * placement is long-term (U1/U4): rule book, "long-term fostering (U1/U4) confirmed as the permanence
 * plan", the same test as isInPermanentPlacement. Either can come second; the fact dated that day is
 * the evidence. As the adoption move-in is the placement the child is still in, a confirmation whose
 * long-term placement later broke down while the plan stood (DR11's breakdown: another carer's placement
 * that is not long-term, or a type that is not U1/U4) is not permanence: the next confirmation after
 * the breakdown is, if any (review s16-ofsted F1, s16-diff F1/F2).
 */
function longTermFosteringConfirmed(period: PeriodOfCare): DatedFact | undefined {
  const plans = period.plans.filter((p) => p.route === 'long_term_fostering');
  if (plans.length === 0) return undefined;
  const longTermTypes = period.placements
    .flatMap((run) => run.types)
    .filter((t) => isLongTerm(t.placementType));
  const candidates: DatedFact[] = [...plans, ...longTermTypes].sort((a, b) => a.date.localeCompare(b.date));
  let after = '';
  for (const fact of candidates) {
    if (fact.date < after) continue;
    if (currentPlan(period, fact.date)?.route !== 'long_term_fostering') continue;
    if (!isLongTerm(placementTypeOn(period, fact.date))) continue;
    // Only while long-term fostering is the plan, as DR11 counts a breakdown: a move made under a
    // later plan (special guardianship, say) does not undo the earlier confirmation (review s16-diff F2).
    const planEnds = period.plans.find((p) => p.date > fact.date && p.route !== 'long_term_fostering');
    const out = unmatchedBreakdownAfter(period, fact.date, planEnds);
    if (!out) return fact;
    after = out.date;
  }
  return undefined;
}

function milestonesOf(period: PeriodOfCare): [PermanenceMilestone, DatedFact][] {
  const found: [PermanenceMilestone, DatedFact][] = [];
  // Moving in with the adoptive family: the A3–A6 placement that stands or led to the order, dated
  // as A1 dates it (a fostering-for-adoption U2/U5 entry or a disrupted placement is no move-in).
  const moveIn = adoptivePlacement(period);
  if (moveIn) found.push(['adoption_move_in', moveIn]);
  if (period.adoption.order) found.push(['adoption_order', period.adoption.order]);
  const ending = period.endReason ? ENDING_MILESTONES[period.endReason] : undefined;
  if (ending && period.end) found.push([ending, { date: period.end, eventId: period.endEventId ?? '' }]);
  const confirmed = longTermFosteringConfirmed(period);
  if (confirmed) found.push(['long_term_fostering_confirmed', confirmed]);
  return found;
}

/** The milestone rows alone (the feed's view wants no averages). */
export function permanenceRows(
  summaries: readonly JourneySummary[],
  from: CalendarDate,
  to: CalendarDate,
): PermanenceRow[] {
  const rows: PermanenceRow[] = [];
  for (const summary of summaries) {
    for (const period of carePeriods(summary)) {
      for (const [milestone, fact] of milestonesOf(period)) {
        if (fact.date < from || fact.date > to) continue;
        rows.push({
          ...childRefOf(summary),
          milestone,
          periodStart: period.start,
          date: fact.date,
          days: daysBetween(period.start, fact.date),
          evidence: [period.startEventId, fact.eventId],
        });
      }
    }
  }
  return rows;
}

export function timeToPermanence(
  summaries: readonly JourneySummary[],
  from: CalendarDate,
  to: CalendarDate,
): TimeToPermanence {
  if (from > to) throw new RangeError(`from (${from}) must not be after to (${to})`);
  const rows = permanenceRows(summaries, from, to);
  const byMilestone = PERMANENCE_MILESTONES.map((milestone) => {
    const days = rows.filter((row) => row.milestone === milestone).map((row) => row.days);
    return { milestone, children: days.length, meanDays: mean(days), medianDays: median(days) };
  });
  return { from, to, byMilestone, rows };
}
