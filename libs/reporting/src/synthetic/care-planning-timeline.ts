/**
 * Statutory reviews, the permanence plan and going-home audits of one period of care. Mostly on
 * time (first review within 20 working days, second within 3 months, then 6-monthly), some late:
 * the drift the permanency panel looks for. Some children have no permanence plan by the second review.
 */
import { ageInYearsOn, type PermanenceRoute } from '@care-journey/journey';
import type { ChildProfile } from './child-profile';
import { REVIEW_PARTICIPATION } from './code-mixes';
import type { CarePlan } from './care-route';
import { addDays, daysBetween, type CalendarDate } from './dates';
import type { DraftCommand } from './draft';
import type { Random } from './prng';

const PLAN_ROUTE: Partial<Record<CarePlan['route'], PermanenceRoute>> = {
  adoption: 'adoption',
  relinquished: 'adoption',
  home_planned: 'return_home',
  home_unplanned: 'return_home',
  relatives: 'return_home',
  cao: 'child_arrangements_order',
  sgo: 'special_guardianship',
  to_18: 'long_term_fostering',
  independent: 'long_term_fostering',
  adult_care: 'long_term_fostering',
  other: 'long_term_fostering',
  transfer: 'long_term_fostering',
};

/** `lastDay`: the day before care ended, or the end of the generated history. */
type ReviewDraft = Extract<DraftCommand, { type: 'RecordReview' }>;

export function buildReviews(
  random: Random,
  child: ChildProfile,
  entry: CalendarDate,
  lastDay: CalendarDate,
): ReviewDraft[] {
  const out: ReviewDraft[] = [];
  const onTime = [random.chance(0.85), random.chance(0.85)];
  let date = addDays(entry, onTime[0] ? random.int(7, 27) : random.int(30, 75));
  let n = 0;
  while (date <= lastDay) {
    const participation =
      ageInYearsOn(child.dateOfBirth, date) < 4 ? 'PN0' : random.weighted(REVIEW_PARTICIPATION);
    out.push({ type: 'RecordReview', childId: child.childId, effectiveDate: date, participation });
    n++;
    const late = n === 1 ? !onTime[1] : random.chance(0.12);
    const gap =
      n === 1
        ? late
          ? random.int(95, 150)
          : random.int(40, 90)
        : late
          ? random.int(185, 260)
          : random.int(120, 180);
    date = addDays(date, gap);
  }
  return out;
}

export function buildPermanencePlans(
  random: Random,
  plan: CarePlan,
  reviews: readonly ReviewDraft[],
  lastDay: CalendarDate,
  reversal?: CalendarDate,
): DraftCommand[] {
  const route = plan.adoptionReversed ? 'adoption' : PLAN_ROUTE[plan.route];
  if (!route || reviews.length === 0) return [];
  const childId = reviews[0].childId;
  const first = reviews[0].effectiveDate;
  const second = reviews[1]?.effectiveDate;
  // Most plans are in place by the second review; some drift past it.
  const date =
    second && random.chance(0.83)
      ? addDays(first, random.int(1, daysBetween(first, second)))
      : addDays(second ?? first, random.int(20, 200));
  const out: DraftCommand[] = [];
  if (date <= lastDay) out.push({ type: 'SetPermanencePlan', childId, effectiveDate: date, route });
  if (reversal && reversal <= lastDay) {
    const next = addDays(reversal, random.int(5, 60));
    if (next <= lastDay && next > date)
      out.push({ type: 'SetPermanencePlan', childId, effectiveDate: next, route: 'special_guardianship' });
  }
  return out;
}

/** Going-home audits for the section 20 and 16+ cohorts, about every six months, some overdue. */
export function buildGoingHomeAudits(
  random: Random,
  child: ChildProfile,
  entryStatus: string,
  entry: CalendarDate,
  lastDay: CalendarDate,
): DraftCommand[] {
  const sixteenth = addDays(child.dateOfBirth, Math.ceil(16 * 365.25));
  const cohortFrom = entryStatus === 'V2' ? entry : sixteenth > entry ? sixteenth : entry;
  if (!(entryStatus === 'V2' || child.ageAtEntry >= 15) || !random.chance(0.8)) return [];
  const out: DraftCommand[] = [];
  let date = addDays(cohortFrom, random.chance(0.8) ? random.int(120, 182) : random.int(190, 300));
  while (date <= lastDay) {
    const [outcome, nextAction] = random.pick([
      ['Remain in current placement', 'Review at next statutory review'],
      ['Return home being explored', 'Family network meeting'],
      ['Not safe to return home', 'Confirm long-term plan at permanency panel'],
    ] as const);
    out.push({
      type: 'CompleteGoingHomeAudit',
      childId: child.childId,
      effectiveDate: date,
      outcome,
      nextAction,
    });
    date = addDays(date, random.chance(0.8) ? random.int(150, 182) : random.int(190, 280));
  }
  return out;
}
