/**
 * The permanence plan of one period of care as a service keeps it: set by the second review for
 * most children, then reviewed at statutory reviews and changed when a route stalls or the
 * circumstances change (return home abandoned → long-term fostering; special guardianship once the
 * carers are assessed, in the months before the order; back to return home when parents can care
 * again). With each plan come the steps the permanency panel looks for: going-home audits while
 * return home is the plan, and a long-term match (the foster carer confirmed as long-term, or a
 * move to long-term carers) soon after a long-term fostering plan. Most steps come in time; a
 * minority drift past their route's limit (drift rule DR11), as in a real authority.
 *
 * The plan is drawn from the planned end of care, on the child's own planning stream, before the
 * placements: the long-term matches are placement changes (care-timeline.ts).
 */
import { ageInYearsOn, type PermanenceRoute } from '@care-journey/journey';
import type { CarePlan, Route } from './care-route';
import type { ChildProfile } from './child-profile';
import { addDays, daysBetween, type CalendarDate } from './dates';
import type { Random } from './prng';

export interface PlanChange {
  date: CalendarDate;
  route: PermanenceRoute;
}

export interface ReturnHomeAudit {
  date: CalendarDate;
  outcome: string;
  nextAction: string;
}

export interface PermanenceJourney {
  /** Plan changes in date order; undrawn dates past the end of care are dropped by the caller. */
  plans: PlanChange[];
  /** Days on which a long-term fostering plan is matched (care-timeline.ts makes the change). */
  longTermMatches: CalendarDate[];
  /** Going-home audits while return home is the plan: the steps towards it. */
  audits: ReturnHomeAudit[];
}

const NONE: PermanenceJourney = { plans: [], longTermMatches: [], audits: [] };

/** Share of steps taken within the route's limit: the rest are the drift the panel chases. */
const ON_TIME = 0.88;

/** One of `reviews` in [from, to] (a decision at a statutory review), else a day in it (a planning meeting). */
function reviewWithin(
  random: Random,
  reviews: readonly CalendarDate[],
  from: CalendarDate,
  to: CalendarDate,
) {
  const held = reviews.filter((date) => date >= from && date <= to);
  return held.length > 0
    ? random.pick(held)
    : addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
}

/** Most plans are made at the first or second review; some drift past the second (DR04). */
function firstPlanDate(random: Random, reviews: readonly CalendarDate[]): CalendarDate {
  const [first, second] = reviews;
  if (second && random.chance(0.83)) return random.chance(0.4) ? first : second;
  return addDays(second ?? first, random.int(20, 200));
}

/** Special guardianship is planned once the carers are being assessed: months, not years, before the order. */
function guardianshipPlanned(
  random: Random,
  reviews: readonly CalendarDate[],
  planned: CalendarDate,
  end: CalendarDate,
): CalendarDate {
  const [from, to] = random.chance(ON_TIME) ? [250, 45] : [520, 290];
  const date = reviewWithin(random, reviews, addDays(end, -from), addDays(end, -to));
  return date > planned ? date : planned;
}

/** The review at which a return home that is not working out is given up, 4–9 months on. */
const abandonedAt = (random: Random, reviews: readonly CalendarDate[], from: CalendarDate): CalendarDate =>
  reviewWithin(random, reviews, addDays(from, 120), addDays(from, 270));

type Story = (
  random: Random,
  start: CalendarDate,
  end: CalendarDate,
  reviews: readonly CalendarDate[],
) => PlanChange[];

const only =
  (route: PermanenceRoute): Story =>
  (_random, date) => [{ date, route }];

/** Return home planned from the start; a long stay gives it up for a while, then comes back to it. */
const goingHome: Story = (random, start, end, reviews) => {
  if (daysBetween(start, end) <= 450 || !random.chance(0.6)) return [{ date: start, route: 'return_home' }];
  const givenUp = abandonedAt(random, reviews, start);
  const again = reviewWithin(random, reviews, addDays(end, -270), addDays(end, -60));
  if (daysBetween(givenUp, again) < 90) return [{ date: start, route: 'return_home' }];
  return [
    { date: start, route: 'return_home' },
    { date: givenUp, route: 'long_term_fostering' },
    { date: again, route: 'return_home' },
  ];
};

/** A try at return home first for some, given up at a review; long-term fostering after it. */
const fostering =
  (tryHome: number): Story =>
  (random, start, end, reviews) => {
    if (!random.chance(tryHome)) return [{ date: start, route: 'long_term_fostering' }];
    const givenUp = abandonedAt(random, reviews, start);
    return givenUp < end
      ? [
          { date: start, route: 'return_home' },
          { date: givenUp, route: 'long_term_fostering' },
        ]
      : [{ date: start, route: 'return_home' }];
  };

/** Return home or long-term fostering first, then special guardianship in the year before the order. */
const guardianship: Story = (random, start, end, reviews) => {
  const planned = guardianshipPlanned(random, reviews, start, end);
  if (daysBetween(start, planned) < 60) return [{ date: start, route: 'special_guardianship' }];
  const before = fostering(0.4)(random, start, planned, reviews).filter((change) => change.date < planned);
  return [...before, { date: planned, route: 'special_guardianship' }];
};

const LONG_TERM = fostering(0.25);

const STORIES: Partial<Record<Route, Story>> = {
  adoption: only('adoption'),
  relinquished: only('adoption'),
  cao: only('child_arrangements_order'),
  sgo: guardianship,
  home_planned: goingHome,
  relatives: goingHome,
  home_unplanned: fostering(0.5),
  to_18: LONG_TERM,
  independent: LONG_TERM,
  adult_care: LONG_TERM,
  other: LONG_TERM,
  transfer: LONG_TERM,
};

/**
 * `reviews`: the statutory reviews' dates up to the end of the history; `end`: the planned end of
 * care (may lie beyond the history). A reversed adoption's plan after the reversal is drawn by
 * `afterAdoptionReversed`, once the care timeline has fixed the reversal.
 */
export function drawPermanenceJourney(
  random: Random,
  care: CarePlan,
  child: ChildProfile,
  reviews: readonly CalendarDate[],
  end: CalendarDate,
): PermanenceJourney {
  const story: Story | undefined = care.adoptionReversed ? only('adoption') : storyFor(care, child, reviews);
  if (!story || reviews.length === 0) return NONE;
  const start = firstPlanDate(random, reviews);
  if (start >= end) return NONE;
  return withSteps(random, dropRepeats(story(random, start, end, reviews)), end);
}

/**
 * Young people of 16 and over (not unaccompanied) are the going-home audits' cohort: their plan is a
 * supported return home rather than a new family (the council's placement strategy, objective 5).
 */
function storyFor(care: CarePlan, child: ChildProfile, reviews: readonly CalendarDate[]): Story | undefined {
  const story = STORIES[care.route];
  const older = !child.uasc && ageInYearsOn(child.dateOfBirth, reviews[0] ?? child.entryDate) >= 16;
  return older && story === LONG_TERM ? only('return_home') : story;
}

/** After a reversed adoption: long-term fostering with the carers, then special guardianship before the order. */
export function afterAdoptionReversed(
  random: Random,
  reversal: CalendarDate,
  reviews: readonly CalendarDate[],
  end: CalendarDate,
): PermanenceJourney {
  const fostered = addDays(reversal, random.int(5, 60));
  const planned = guardianshipPlanned(random, reviews, fostered, end);
  const plans: PlanChange[] = [{ date: fostered, route: 'long_term_fostering' }];
  if (daysBetween(fostered, planned) >= 60) plans.push({ date: planned, route: 'special_guardianship' });
  else plans[0] = { date: fostered, route: 'special_guardianship' };
  // The long-term match after a reversal is made in the care timeline (the carer is the adopters' stand-in).
  return {
    ...withSteps(
      random,
      plans.filter((p) => p.date < end),
      end,
    ),
    longTermMatches: [],
  };
}

const dropRepeats = (plans: PlanChange[]): PlanChange[] =>
  plans.filter((plan, i) => i === 0 || (plan.route !== plans[i - 1].route && plan.date > plans[i - 1].date));

/** The steps each plan calls for, up to the next plan (or the end of care). */
function withSteps(random: Random, plans: PlanChange[], end: CalendarDate): PermanenceJourney {
  const longTermMatches: CalendarDate[] = [];
  const audits: ReturnHomeAudit[] = [];
  plans.forEach((plan, i) => {
    const until = plans[i + 1]?.date ?? end;
    if (plan.route === 'long_term_fostering') {
      const matched = addDays(plan.date, random.chance(ON_TIME) ? random.int(10, 150) : random.int(200, 420));
      if (matched < until) longTermMatches.push(matched);
    } else if (plan.route === 'return_home') {
      audits.push(...returnHomeAudits(random, plan.date, until, plans[i + 1] !== undefined));
    }
  });
  return { plans, longTermMatches, audits };
}

/** Every 2–6 months while return home is the plan (some gaps longer); a last one when it is given up. */
function returnHomeAudits(
  random: Random,
  from: CalendarDate,
  until: CalendarDate,
  givenUp: boolean,
): ReturnHomeAudit[] {
  const gap = (): number => (random.chance(ON_TIME) ? random.int(60, 170) : random.int(200, 300));
  const out: ReturnHomeAudit[] = [];
  for (
    let date = addDays(from, random.chance(ON_TIME) ? random.int(30, 150) : random.int(200, 300));
    date < until;
  ) {
    const [outcome, nextAction] = random.pick([
      ['Return home being explored', 'Family network meeting'],
      ['Return home being explored', 'Parenting assessment'],
      ['Remain in current placement', 'Increase family time'],
    ] as const);
    out.push({ date, outcome, nextAction });
    date = addDays(date, gap());
  }
  if (givenUp) {
    const date = addDays(until, -random.int(1, 20));
    if (date > from && !out.some((audit) => audit.date >= date))
      out.push({
        date,
        outcome: 'Not safe to return home',
        nextAction: 'Confirm long-term plan at permanency panel',
      });
  }
  return out;
}
