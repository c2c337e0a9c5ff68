/**
 * Care ends by the 18th birthday (drawCarePlan caps every exit there). A demo is recorded up to a
 * moment after its history ends (`recordedUntil`, e.g. today, with the history ending 45 days
 * earlier): a child whose 18th birthday falls in between would stay looked after at 18, since
 * nothing is generated after the history's end. Such a child leaves care at the end of the
 * history instead, aged 17, with the reason its route gives at that age (E5/E6/E8 for to_18).
 */
import { eighteenthBirthday, type CalendarDate } from '@care-journey/journey';
import type { CarePlan } from './care-route';

export function leavesBy18WithinHistory(
  plan: CarePlan,
  dateOfBirth: CalendarDate,
  historyEnd: CalendarDate,
  recordedUntil: string | undefined,
): CarePlan {
  if (recordedUntil === undefined || plan.exitDate <= historyEnd) return plan;
  const adultFrom = eighteenthBirthday(dateOfBirth);
  if (adultFrom > recordedUntil.slice(0, 10)) return plan;
  return { ...plan, exitDate: historyEnd };
}
