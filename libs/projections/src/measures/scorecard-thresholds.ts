/**
 * Adoption scorecard thresholds (A1 / A2 days) by three-year period, from the rule book. The
 * rule book gives no figure for 2010-13: the "to 2012" band is kept for it (the national notes
 * mention an unconfirmed 608 days for A1).
 */
export interface ScorecardThreshold {
  /** Applies to periods ending 31 March of this year or earlier (null = every later period). */
  upToYear: number | null;
  period: string;
  a1Days: number;
  a2Days: number;
  note?: string;
}

export const DEFAULT_SCORECARD_THRESHOLDS: readonly ScorecardThreshold[] = [
  { upToYear: 2012, period: 'to 2012', a1Days: 639, a2Days: 213 },
  {
    upToYear: 2013,
    period: '2010-13',
    a1Days: 639,
    a2Days: 213,
    note: 'no 2010-13 threshold in the rule book; the to-2012 band is used',
  },
  { upToYear: 2014, period: '2011-14', a1Days: 547, a2Days: 182 },
  { upToYear: 2015, period: '2012-15', a1Days: 487, a2Days: 152 },
  { upToYear: null, period: '2013-16 onward', a1Days: 426, a2Days: 121 },
];

export function thresholdFor(
  periodEndingYear: number,
  table: readonly ScorecardThreshold[] = DEFAULT_SCORECARD_THRESHOLDS,
): ScorecardThreshold {
  const band = table.find((row) => row.upToYear === null || periodEndingYear <= row.upToYear);
  if (!band)
    throw new RangeError(`No scorecard threshold for the period ending 31 March ${periodEndingYear}`);
  return band;
}
