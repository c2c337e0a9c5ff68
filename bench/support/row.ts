/** One line of the bench's table: our figure against its baseline, measured in the same run. */
export interface Row {
  figure: string;
  ours: number;
  unit: string;
  /** What the figure is compared with (absent when nothing comparable exists). */
  baseline?: { name: string; value: number };
  /** ours / baseline, oriented so that 1.0 means "as good as the baseline". */
  ratio?: number;
  goal?: string;
  met?: boolean;
  peakRssMb: number;
  /** Extra facts printed under the table (sizes, percentiles, why something was skipped). */
  note?: string;
  /** A figure that could not be measured says why instead of a number. */
  notMeasured?: string;
}

/** Throughput ratio (higher is better on both sides). */
export const rateRatio = (ours: number, baseline: number): number => ours / baseline;

/**
 * An events-per-second figure beside its same-run baseline: ratio ours / baseline, peak memory of
 * both measured runs.
 */
export const rateRow = (
  figure: string,
  ours: number,
  baseline: { name: string; value: number },
  peakRssMb: readonly number[],
  goal: string,
  note: string,
): Row => ({
  figure,
  ours,
  unit: 'events/s',
  baseline,
  ratio: rateRatio(ours, baseline.value),
  goal,
  peakRssMb: Math.max(...peakRssMb),
  note,
});
