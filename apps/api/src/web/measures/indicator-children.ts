import type { CalendarDate } from '@care-journey/journey';
import {
  scorecard,
  stability,
  type JourneySummary,
  type Scorecard,
  type ScorecardSettings,
  type ScorecardChild,
  type StabilityChild,
} from '@care-journey/projections';

/** The indicators the measures page links to a list of children for. */
export const STABILITY_IDS = ['ST1', 'ST2', 'ST3'] as const;
export const SCORECARD_IDS = ['A1', 'A2', 'A3', 'A10'] as const;
export type IndicatorId = (typeof STABILITY_IDS)[number] | (typeof SCORECARD_IDS)[number];

export const isIndicatorId = (value: string): value is IndicatorId =>
  ([...STABILITY_IDS, ...SCORECARD_IDS] as readonly string[]).includes(value);

/** A column of the children's table: dates are shown as dates, counts and days as numbers. */
export interface IndicatorColumn {
  text: string;
  kind: 'date' | 'number';
}

const date = (text: string): IndicatorColumn => ({ text, kind: 'date' });
const number = (text: string): IndicatorColumn => ({ text, kind: 'number' });

/** One child behind an indicator, with the dates and days that place it there. */
export interface IndicatorChild {
  childId: string;
  childRef: string;
  name: string;
  /** In the numerator (ST1/ST2: 3 or more placements; ST3: same placement; A3: under 14 months). */
  counted?: boolean;
  /** Column values in the order of `IndicatorChildren.columns`. */
  cells: string[];
}

export interface IndicatorChildren {
  id: IndicatorId;
  title: string;
  kind: 'share' | 'mean-days';
  /** The 31 March the year (stability) or three-year period (scorecard) ends on. */
  yearEnding: CalendarDate;
  periodStart?: CalendarDate;
  numerator: number;
  denominator: number;
  /** Per cent for a share, mean days for a mean-days indicator; null with no child. */
  figure: number | null;
  thresholdDays?: number;
  meetsThreshold?: boolean | null;
  /** What `counted` means, for a share. */
  countedMeans?: string;
  columns: IndicatorColumn[];
  children: IndicatorChild[];
}

const STABILITY_COUNTED: Record<(typeof STABILITY_IDS)[number], string> = {
  ST1: '3 or more placements',
  ST2: '3 or more placements',
  ST3: 'In the same placement',
};

function stabilityChildren(
  summaries: readonly JourneySummary[],
  id: (typeof STABILITY_IDS)[number],
  yearEnding: CalendarDate,
): IndicatorChildren {
  const measure = stability(summaries, yearEnding).find((m) => m.measure === id);
  if (!measure) throw new Error(`stability() gave no ${id}`);
  const row = (c: StabilityChild): IndicatorChild => ({
    childId: c.childId,
    childRef: c.childRef,
    name: c.name,
    counted: c.counted,
    cells: [c.periodStart, String(c.placements)],
  });
  return {
    id,
    title: measure.title,
    kind: 'share',
    yearEnding,
    numerator: measure.numerator,
    denominator: measure.denominator,
    figure: measure.percentage,
    countedMeans: STABILITY_COUNTED[id],
    columns: [date('Looked after from (short breaks not counted)'), number('Placements counted')],
    // Those in the numerator first; otherwise the library's order.
    children: [...measure.children].sort((a, b) => Number(b.counted) - Number(a.counted)).map(row),
  };
}

/**
 * The adoption order is what puts a child in the three years (its date, not the move-in, is in the
 * period), so every scorecard list shows it: a panel can check why a child who entered care or
 * moved in before the period is counted.
 */
const ADOPTED_ON = date('Adopted on (adoption order)');

/** Which children, dates and days each scorecard indicator counts (its own definition, unchanged). */
const SCORECARD_ROWS: Record<
  (typeof SCORECARD_IDS)[number],
  { columns: IndicatorColumn[]; cells: (c: ScorecardChild) => (string | number | undefined)[] }
> = {
  A1: {
    columns: [date('Entered care'), date('Moved in with the adoptive family'), ADOPTED_ON, number('Days')],
    cells: (c) => [c.enteredCare, c.movedIn, c.adoptionOrder, c.a1Days],
  },
  A10: {
    columns: [
      date('Entered care'),
      date('Moved in, or the foster placement began if the carer adopted'),
      ADOPTED_ON,
      number('Days'),
    ],
    cells: (c) => [c.enteredCare, c.a10End, c.adoptionOrder, c.a10Days],
  },
  A2: {
    columns: [date('Court authority to place'), date('Matched'), ADOPTED_ON, number('Days')],
    cells: (c) => [c.placementOrder, c.matched, c.adoptionOrder, c.a2Days],
  },
  A3: {
    columns: [date('Entered care'), date('Moved in with the adoptive family'), ADOPTED_ON, number('Days')],
    cells: (c) => [c.enteredCare, c.movedIn, c.adoptionOrder, c.a1Days],
  },
};

function scorecardChildren(
  summaries: readonly JourneySummary[],
  id: (typeof SCORECARD_IDS)[number],
  periodEnding: CalendarDate,
  settings: ScorecardSettings,
): IndicatorChildren {
  const card: Scorecard = scorecard(summaries, periodEnding, settings);
  const indicator = card[id];
  const { columns, cells } = SCORECARD_ROWS[id];
  const row = (c: ScorecardChild, counted?: boolean): IndicatorChild => ({
    childId: c.childId,
    childRef: c.childRef,
    name: c.name,
    ...(counted !== undefined && { counted }),
    cells: cells(c).map((v) => (v === undefined ? '' : String(v))),
  });
  const common = {
    id,
    title: indicator.title,
    yearEnding: periodEnding,
    periodStart: card.periodStart,
    numerator: indicator.numerator,
    denominator: indicator.denominator,
    columns,
  };
  if (indicator.indicator === 'A3') {
    // A3's denominator: every child who moved in; its numerator: those who waited under 14 months.
    const inNumerator = new Set(indicator.childIds);
    const movedIn = card.children.filter((c) => c.movedIn !== undefined);
    return {
      ...common,
      kind: 'share',
      figure: indicator.percentage,
      countedMeans: 'Moved in under 14 months',
      children: movedIn
        .map((c) => row(c, inNumerator.has(c.childId)))
        .sort((a, b) => Number(b.counted) - Number(a.counted)),
    };
  }
  // A mean of days: the children counted are its denominator, their days add up to its numerator.
  const counted = new Set(indicator.childIds);
  return {
    ...common,
    kind: 'mean-days',
    figure: indicator.meanDays,
    // A10 is judged against A1's threshold (the library's definition).
    thresholdDays: indicator.thresholdDays,
    meetsThreshold: indicator.meetsThreshold,
    children: card.children.filter((c) => counted.has(c.childId)).map((c) => row(c)),
  };
}

/**
 * The children behind one indicator, straight from the projections library's own measure (the
 * same call the measures page and the JSON API make): nothing is counted again here.
 */
export function indicatorChildren(
  summaries: readonly JourneySummary[],
  id: IndicatorId,
  yearEnding: CalendarDate,
  settings: ScorecardSettings,
): IndicatorChildren {
  return (STABILITY_IDS as readonly string[]).includes(id)
    ? stabilityChildren(summaries, id as (typeof STABILITY_IDS)[number], yearEnding)
    : scorecardChildren(summaries, id as (typeof SCORECARD_IDS)[number], yearEnding, settings);
}
