/**
 * A mean of days judged against a threshold. The verdict compares the exact mean (total days over
 * children counted, no rounding), and the mean shown to one decimal place never rounds onto the
 * threshold from the other side: 426.04 against 426 shows 426.1 ("above"), not 426.0, and 425.96
 * shows 425.9. Any other mean is rounded to one decimal place as the projections' `mean` does.
 */
export interface MeanBesideThreshold {
  meanDays: number | null;
  /** At or under the threshold; null when no child counts. */
  meetsThreshold: boolean | null;
}

const tenths = (value: number): number => Math.round(value * 10) / 10;

export function meanBesideThreshold(
  totalDays: number,
  children: number,
  thresholdDays: number,
): MeanBesideThreshold {
  if (children === 0) return { meanDays: null, meetsThreshold: null };
  const exact = totalDays / children;
  const shown = tenths(exact);
  const onThreshold = shown === thresholdDays && exact !== thresholdDays;
  return {
    meanDays: onThreshold ? tenths(thresholdDays + (exact > thresholdDays ? 0.1 : -0.1)) : shown,
    meetsThreshold: totalDays <= thresholdDays * children,
  };
}
