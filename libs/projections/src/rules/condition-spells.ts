/**
 * For rules about a standing condition (DR05 instability, DR10's cohort): the spells during
 * which a predicate held, found by testing it at each date where it can change.
 */
import type { CalendarDate } from '@care-journey/journey';

export interface Spell {
  start: CalendarDate;
  /** First day the condition no longer held (absent when it still holds as at the last date). */
  end?: CalendarDate;
}

/** `changePoints` must include every date the predicate can flip on; only those up to `asAt` count. */
export function spellsOf(
  changePoints: readonly CalendarDate[],
  asAt: CalendarDate,
  holds: (date: CalendarDate) => boolean,
): Spell[] {
  const dates = [...new Set(changePoints)].filter((date) => date <= asAt).sort();
  const spells: Spell[] = [];
  let open: Spell | undefined;
  for (const date of dates) {
    const now = holds(date);
    if (now && !open) {
      open = { start: date };
      spells.push(open);
    } else if (!now && open) {
      open.end = date;
      open = undefined;
    }
  }
  return spells;
}
