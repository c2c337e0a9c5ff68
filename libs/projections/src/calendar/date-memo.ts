/**
 * Date arithmetic the drift rules repeat: the feed derives a child's obligations again after most
 * events, so the same review, placement end and birthday are moved by the same months every time.
 * Each result is the journey's own addMonths/addDays, kept per (amount, date): the same answer,
 * without parsing and formatting the date again. A date that does not parse is never kept, so it
 * throws every time, as before.
 */
import { addDays, addMonths, type CalendarDate } from '@care-journey/journey';

const LIMIT = 100_000;

const DASH = 45;
const ZERO = 48;

/**
 * The date's digits as one number (yyyymmdd) when it is shaped yyyy-mm-dd, else -1. Kept results
 * are looked up by this number, not by the string: a date string made afresh (a slice, a
 * template) has to be hashed on every look-up, a number does not.
 */
function dateKey(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== DASH || date.charCodeAt(7) !== DASH) return -1;
  let key = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = date.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    key = key * 10 + digit;
  }
  return key;
}

function memo(
  shift: (date: CalendarDate, by: number) => CalendarDate,
): (date: CalendarDate, by: number) => CalendarDate {
  const byAmount = new Map<number, Map<number, CalendarDate>>();
  let size = 0;
  return (date, by) => {
    const key = dateKey(date);
    // Not shaped like a date: never kept (the journey's function says what is wrong with it).
    if (key < 0) return shift(date, by);
    let known = byAmount.get(by);
    if (known === undefined) byAmount.set(by, (known = new Map()));
    let result = known.get(key);
    if (result === undefined) {
      result = shift(date, by);
      if (size >= LIMIT) {
        for (const map of byAmount.values()) map.clear();
        size = 0;
      }
      known.set(key, result);
      size += 1;
    }
    return result;
  };
}

/** addMonths(date, months), kept. */
export const addMonthsKept = memo(addMonths);

/** addDays(date, days), kept. */
export const addDaysKept = memo(addDays);

/**
 * The first day of "the `months` up to D" (the day after D − months), kept as one result: DR05
 * asks it at every date its scan tries, after most events, and two kept steps were two look-ups.
 */
export const firstDayOfMonthsUpToKept = memo((date, months) => addDays(addMonths(date, -months), 1));
