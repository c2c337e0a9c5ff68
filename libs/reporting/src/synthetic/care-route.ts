/**
 * How a period of care will go: its route out of care and how long it lasts. Mixes follow national
 * figures (§6): leavers ~31% home, ~13% adopted, SGOs, CAOs, 18+; durations mean ~1,000 days with
 * ~11% under two weeks and ~46% under a year.
 */
import { ageInYearsOn } from '@care-journey/journey';
import type { ChildProfile } from './child-profile';
import { addDays, addYears, type CalendarDate } from './dates';
import type { Random } from './prng';

export type Route =
  | 'adoption'
  | 'relinquished'
  | 'remand'
  | 'home_planned'
  | 'home_unplanned'
  | 'relatives'
  | 'cao'
  | 'sgo'
  | 'transfer'
  | 'abroad'
  | 'custody'
  | 'adult_care'
  | 'independent'
  | 'other'
  | 'age_assessment'
  | 'died'
  | 'to_18';

export interface CarePlan {
  route: Route;
  entryDate: CalendarDate;
  /** Planned end of care; may lie beyond the generated history (the child is still in care). */
  exitDate: CalendarDate;
  /** Adoption reversed part way: the child stays in long-term fostering instead. */
  adoptionReversed: boolean;
}

function durationDays(random: Random): number {
  return random
    .weighted<[number, number]>([
      [[1, 14], 11],
      [[15, 365], 35],
      [[366, 1095], 29],
      [[1096, 4200], 25],
    ])
    .reduce((min, max) => random.int(min, max));
}

function shortStayRoute(random: Random): Route {
  return random.weighted<Route>([
    ['home_unplanned', 60],
    ['home_planned', 25],
    ['relatives', 15],
  ]);
}

function ordinaryRoute(random: Random, ageAtExit: number): Route {
  return random.weighted<Route>([
    ['home_planned', 36],
    ['home_unplanned', 7],
    ['relatives', 7],
    ['cao', 5],
    ['sgo', 17],
    ['transfer', 3],
    ['abroad', 0.5],
    ['died', 0.2],
    ['other', 2],
    ['custody', ageAtExit >= 12 ? 2 : 0],
    ['adult_care', ageAtExit >= 16 ? 2 : 0],
    ['independent', ageAtExit >= 16 ? 12 : 0],
  ]);
}

function adoptionChance(profile: ChildProfile): number {
  if (profile.uasc) return 0;
  if (profile.ageAtEntry < 1) return 0.5;
  if (profile.ageAtEntry < 2) return 0.4;
  if (profile.ageAtEntry < 4) return 0.2;
  return 0;
}

/** The first day the domain counts the child as 18 (born 29 February: 1 March in a common year). */
function eighteenthBirthday(dateOfBirth: CalendarDate): CalendarDate {
  const candidate = addYears(dateOfBirth, 18);
  return ageInYearsOn(dateOfBirth, candidate) >= 18 ? candidate : addDays(candidate, 1);
}

export function drawCarePlan(random: Random, profile: ChildProfile): CarePlan {
  const entryDate = profile.entryDate;
  const eighteenth = eighteenthBirthday(profile.dateOfBirth);
  const plan = (route: Route, days: number, adoptionReversed = false): CarePlan => {
    const exit = addDays(entryDate, Math.max(1, days));
    // Care ends on the 18th birthday at the latest (903 rule 359).
    if (exit >= eighteenth) return { route: 'to_18', entryDate, exitDate: eighteenth, adoptionReversed };
    return { route, entryDate, exitDate: exit, adoptionReversed };
  };
  if (profile.relinquishedAtBirth) {
    return random.chance(0.9)
      ? plan('relinquished', random.int(200, 420))
      : plan('home_planned', random.int(60, 200));
  }
  if (random.chance(adoptionChance(profile))) {
    // A minority of adoption plans are reversed (RD1/RD3) and the child stays fostered long term.
    if (random.chance(0.1)) return plan('sgo', random.int(900, 2200), true);
    return plan('adoption', random.int(420, 1000));
  }
  if (profile.uasc) {
    if (random.chance(0.06)) return plan('age_assessment', random.int(10, 120));
    return plan('to_18', 99999);
  }
  if (profile.ageAtEntry >= 12 && random.chance(0.05)) return plan('remand', random.int(7, 120));
  const days = durationDays(random);
  const ageAtExit = profile.ageAtEntry + days / 365.25;
  return plan(days <= 14 ? shortStayRoute(random) : ordinaryRoute(random, ageAtExit), days);
}
