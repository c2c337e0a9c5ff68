/**
 * Calendar dates as whole day numbers, for the cost arithmetic of ten-year series over thousands
 * of children (the domain's daysBetween re-validates each date, which is right for input, slow here).
 * Dates reaching this file have been validated by the domain already.
 */
import type { CalendarDate } from '@care-journey/journey';

const MS_PER_DAY = 86_400_000;

export const dayNumber = (date: CalendarDate): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;

export const dateOfDayNumber = (day: number): CalendarDate =>
  new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
