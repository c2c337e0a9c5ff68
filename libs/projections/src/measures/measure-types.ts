/** Shapes shared by the measures: a figure with the children behind it. */
import type { CalendarDate } from '@care-journey/journey';
import type { JourneySummary } from '../summary/journey-summary';

export interface ChildRef {
  childId: string;
  childRef: string;
  /** Stripped by the API for roles that must not see names. */
  name: string;
}

export const childRefOf = (summary: JourneySummary): ChildRef => ({
  childId: summary.childId,
  childRef: summary.childRef,
  name: summary.name,
});

/** Share as a percentage to one decimal place; null when the denominator is 0. */
export const percentage = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10;

export const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Reporting years and scorecard periods end on 31 March. */
export function assertThirtyFirstOfMarch(date: CalendarDate, field: string): void {
  if (!/^\d{4}-03-31$/.test(date))
    throw new RangeError(`${field} must be a 31 March (YYYY-03-31), got "${date}"`);
}
