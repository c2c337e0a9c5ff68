/**
 * A temporary placement (T1–T4) and the return from it, drawn within the 903's limits: each
 * type's length (903 rules 375, 376, 379) and at most two T3 in any 12 months (rule 377).
 */
import { addMonths, T3_MOST_IN_12_MONTHS, TEMPORARY_PLACEMENT_TIME_LIMITS } from '@care-journey/journey';
import { addDays, type CalendarDate } from './dates';
import type { DraftCommand } from './draft';
import type { Random } from './prng';

/** T3s drawn within the 12 months before `start` (stays are drawn in date order). */
const t3sWithin12Months = (t3Starts: readonly CalendarDate[], start: CalendarDate): number =>
  t3Starts.filter((earlier) => start < addMonths(earlier, 12)).length;

export function temporaryStay(
  random: Random,
  childId: string,
  start: CalendarDate,
  /** The child's T3 starts so far, oldest first (a T3 drawn is added). */
  t3Starts: CalendarDate[],
): DraftCommand[] {
  // T3 carer's holiday (≤ 3 weeks), T4 other (≤ 7 days), T1 hospital (≤ 6 weeks), T2 child's holiday.
  const [drawn, min, max] = random.weighted<['T1' | 'T2' | 'T3' | 'T4', number, number]>([
    [['T3', 5, 20], 40],
    [['T4', 1, 7], 30],
    [['T1', 2, 30], 15],
    [['T2', 4, 14], 15],
  ]);
  let days = random.int(min, max);
  let type = drawn;
  // A third T3 within 12 months is refused (903 rule 377): that stay is a short one for another
  // reason (T4, at most 7 days). Same draws either way, so the rest of the journey is unchanged.
  if (type === 'T3' && t3sWithin12Months(t3Starts, start) >= T3_MOST_IN_12_MONTHS) {
    type = 'T4';
    days = Math.min(days, TEMPORARY_PLACEMENT_TIME_LIMITS.T4.maxDays);
  }
  if (type === 'T3') t3Starts.push(start);
  return [
    { type: 'StartTemporaryPlacement', childId, effectiveDate: start, placementType: type },
    { type: 'EndTemporaryPlacement', childId, effectiveDate: addDays(start, days) },
  ];
}
