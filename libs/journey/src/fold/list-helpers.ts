/** Immutable helpers for the dated lists in the state. */
import type { CalendarDate } from '../events';

/** Inserts after every item dated on or before `date`: effective-date order, arrival order within a day. */
export function insertByDate<T>(list: readonly T[], item: T, dateOf: (t: T) => CalendarDate): T[] {
  const date = dateOf(item);
  let at = list.length;
  while (at > 0 && dateOf(list[at - 1]) > date) at -= 1;
  if (at === list.length) return [...list, item]; // the usual case: one copy, not three
  const next = list.slice(0, at);
  next.push(item);
  for (let i = at; i < list.length; i += 1) next.push(list[i]);
  return next;
}

/** Closes the last open item (no endDate) with `endDate`. */
export function closeLastOpen<T extends { endDate?: CalendarDate }>(
  list: readonly T[],
  endDate: CalendarDate,
  extra: Partial<T> = {},
): T[] {
  for (let i = list.length - 1; i >= 0; i -= 1) {
    if (list[i].endDate === undefined)
      // Object.assign, not a spread: the same keys in the same order, on a shared hidden class (#9).
      return list.map((item, j) => (j === i ? Object.assign({}, item, { endDate }, extra) : item));
  }
  return [...list];
}

export const lastOf = <T>(list: readonly T[]): T | undefined => list[list.length - 1];
