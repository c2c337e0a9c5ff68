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

const byDate = (a: CalendarDate, b: CalendarDate): number => (a < b ? -1 : a > b ? 1 : 0);

/** Above this many dates, Array.prototype.sort; below, an insertion sort that allocates nothing. */
const INSERTION_SORT_AT_MOST = 64;

/** Sorts dates in place (equal dates are equal strings: the order is the same as any sort's). */
function sortDates(dates: CalendarDate[]): void {
  if (dates.length > INSERTION_SORT_AT_MOST) {
    dates.sort(byDate);
    return;
  }
  for (let i = 1; i < dates.length; i++) {
    const date = dates[i];
    let j = i - 1;
    while (j >= 0 && dates[j] > date) {
      dates[j + 1] = dates[j];
      j--;
    }
    dates[j + 1] = date;
  }
}

/**
 * `changePoints` must include every date the predicate can flip on; only those up to `asAt` count.
 * The array is the caller's to give away: it is sorted in place.
 */
export function spellsOf(
  changePoints: CalendarDate[],
  asAt: CalendarDate,
  holds: (date: CalendarDate) => boolean,
): Spell[] {
  sortDates(changePoints);
  const spells: Spell[] = [];
  let open: Spell | undefined;
  let previous: CalendarDate | undefined;
  for (const date of changePoints) {
    // Sorted: the rest lie after D too; a date seen already was tested.
    if (date > asAt) break;
    if (date === previous) continue;
    previous = date;
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
