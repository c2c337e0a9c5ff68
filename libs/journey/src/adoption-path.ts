/**
 * Which adoption decision a step belongs to. A decision that the child should be placed for adoption
 * opens a path; its reversal closes it; the next decision opens a new path with its own match and
 * move-in. A match, placement for adoption or adoption order belongs to the latest decision made on or
 * before its date (decisions and reversals alternate: the journey refuses a second open decision, so the
 * k-th reversal closes the k-th decision). The 903's AD1 (DATE_MATCH of the decision that led to the
 * order), the adoption scorecard and the drift rules DR06/DR07 all read paths through this one rule, as
 * the journey's own adoption progress does (match and move-in after the latest decision).
 */
import type { CalendarDate } from './events';

/** Index of the decision whose path holds a step dated `date`; -1 before any decision. */
export function adoptionPathIndex(decisionDates: readonly CalendarDate[], date: CalendarDate): number {
  let index = -1;
  for (let i = 0; i < decisionDates.length; i += 1) if (decisionDates[i] <= date) index = i;
  return index;
}
