import type { CalendarDate } from '@care-journey/journey';
import type { MeasureTarget, MeasuresRow } from '@care-journey/projections';
import type { AuthorityMeasuresSource } from '../../authority/authority.providers';
import { endedMonths } from './not-after-today';

/** The authority's monthly series over the years the page shows, and the targets they are held to. */
export interface AuthoritySeries {
  rows: MeasuresRow[];
  targets: MeasureTarget[];
}

/** April of the first year shown to March of `yearEnding`: the same years as the tables above. */
export function seriesMonths(yearEnding: CalendarDate, years: number): { from: string; to: string } {
  const endYear = Number(yearEnding.slice(0, 4));
  return { from: `${endYear - years}-04`, to: `${endYear}-03` };
}

/** Every figure is the authority library's (through AuthorityModule's source); this only picks the months. */
export async function authoritySeries(
  source: AuthorityMeasuresSource,
  yearEnding: CalendarDate,
  years: number,
  today: CalendarDate,
): Promise<AuthoritySeries> {
  const { from, to } = seriesMonths(yearEnding, years);
  const measures = await source.measures();
  // Months not ended yet are left out, as GET /measures leaves them out (not-after-today.ts).
  return {
    rows: endedMonths(measures.monthlySeries(from, to, today), today),
    targets: source.config.targets,
  };
}

/** "2024-04" → "Apr 2024". */
export function monthLabel(month: string): string {
  const name = new Date(`${month}-01T00:00:00Z`).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return `${name} ${month.slice(0, 4)}`;
}

/** The counts behind a target's figure ("12 of 80"), when its row holds them. */
export function countsBehind(row: MeasuresRow, measure: string): string {
  let node: unknown = row;
  for (const key of measure.split('.').slice(0, -1))
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  const figure = (node ?? {}) as Record<string, unknown>;
  const pair = (part: string, whole: string) =>
    typeof figure[part] === 'number' && typeof figure[whole] === 'number'
      ? `${String(figure[part])} of ${String(figure[whole])}`
      : '';
  return pair('numerator', 'denominator') || pair('inTime', 'due');
}
