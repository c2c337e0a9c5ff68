/** The window a measure is taken over, the children behind a figure, and shared questions. */
import type { CalendarDate } from '@care-journey/journey';
import type { AuthorityChild, CareSpell, PlacementSpell } from '../authority-child';

/**
 * Flows (starts, ceases, reviews due) count over [from, to]; stocks (looked after, mix, location,
 * spend) are taken on `to`. `today`, when given, keeps deadlines not yet reached out of the count.
 */
export interface MeasureWindow {
  from: CalendarDate;
  to: CalendarDate;
  today?: CalendarDate;
}

export type Detail = Record<string, string | number | boolean | null>;

/** A child behind a figure; `name` is for roles allowed to see it (callers strip it otherwise). */
export interface ChildBehind {
  childId: string;
  childRef: string;
  name: string;
  detail: Detail;
}

export const behindRow = (child: AuthorityChild, detail: Detail): ChildBehind => ({
  childId: child.childId,
  childRef: child.childRef,
  name: child.name,
  detail,
});

/** Looked after on D: started on or before D and not ended by D (the end day is not in care). */
export const careOn = (child: AuthorityChild, date: CalendarDate): CareSpell | undefined =>
  child.care.find((spell) => spell.start <= date && (spell.end === undefined || spell.end > date));

export const placementOn = (child: AuthorityChild, date: CalendarDate): PlacementSpell | undefined =>
  child.placements.find((spell) => spell.start <= date && (spell.end === undefined || spell.end > date));

export const within = (date: CalendarDate, window: MeasureWindow): boolean =>
  date >= window.from && date <= window.to;

/** Share as a percentage to one decimal place; null when there is nothing to share. */
export const share = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
