/**
 * Date arithmetic the drift rules repeat: the feed derives a child's obligations again after most
 * events, so the same review, placement end and birthday are moved by the same months every time.
 * Each result is the journey's own addMonths/addDays, kept per (amount, date): the same answer,
 * without parsing and formatting the date again. A date that does not parse is never kept, so it
 * throws every time, as before.
 */
import { addDays, addMonths, type CalendarDate } from '@care-journey/journey';

const LIMIT = 100_000;

function memo(
  shift: (date: CalendarDate, by: number) => CalendarDate,
): (date: CalendarDate, by: number) => CalendarDate {
  const byAmount = new Map<number, Map<CalendarDate, CalendarDate>>();
  let size = 0;
  return (date, by) => {
    let known = byAmount.get(by);
    if (known === undefined) byAmount.set(by, (known = new Map()));
    let result = known.get(date);
    if (result === undefined) {
      result = shift(date, by);
      if (size >= LIMIT) {
        for (const map of byAmount.values()) map.clear();
        size = 0;
      }
      known.set(date, result);
      size += 1;
    }
    return result;
  };
}

/** addMonths(date, months), kept. */
export const addMonthsKept = memo(addMonths);

/** addDays(date, days), kept. */
export const addDaysKept = memo(addDays);
