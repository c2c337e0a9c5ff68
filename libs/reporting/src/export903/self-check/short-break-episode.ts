/** A short-break Episodes row's dates and how the self-check names it. */
import { isValidCalendarDate, type CalendarDate } from '@care-journey/journey';
import { fromDmy } from '../format';
import type { Row } from '../tables';

export const dateOf = (text: string | undefined): CalendarDate | undefined => {
  const date = fromDmy(text);
  return date && isValidCalendarDate(date) ? date : undefined;
};

export const span = (e: Row): string => `episode from ${e.DECOM}${e.DEC ? ` to ${e.DEC}` : ', open'}`;
