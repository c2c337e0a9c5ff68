import type { MeasureTarget } from '@care-journey/projections';
import { monthLabel, type AuthoritySeries } from './authority-series';
import { base, line } from './chart-specs';

/** Chart ids on the page: one per configured target, plus the looked-after count and flows. */
export const targetChartId = (target: MeasureTarget): string => `target-${target.id}`;
export const LOOKED_AFTER_CHART = 'looked-after';

export const targetText = (target: MeasureTarget): string =>
  `${target.kind === 'ceiling' ? 'at most' : 'at least'} ${target.value}${target.measure.endsWith('percentage') ? '%' : ''}`;

/** The target as a flat red dashed line without points: read as a limit, not as data. */
const targetLine = (target: MeasureTarget, months: number) => ({
  label: `Target: ${targetText(target)}`,
  data: new Array<number>(months).fill(target.value),
  borderColor: '#d4351c',
  backgroundColor: '#d4351c',
  borderDash: [8, 4],
  borderWidth: 2,
  pointRadius: 0,
  pointStyle: 'line',
});

/** chart.js specs (plain JSON) for the authority's monthly series. */
export function authorityChartSpecs(series: AuthoritySeries): Record<string, unknown> {
  const labels = series.rows.map((row) => monthLabel(row.month));
  const specs: Record<string, unknown> = {};
  series.targets.forEach((target, index) => {
    const values = series.rows.map((row) => row.targets[index]?.value ?? null);
    const percent = target.measure.endsWith('percentage');
    specs[targetChartId(target)] = {
      type: 'line',
      data: { labels, datasets: [line(target.label, values, 0), targetLine(target, labels.length)] },
      options: base(percent ? 'Per cent of children' : 'Figure'),
    };
  });
  specs[LOOKED_AFTER_CHART] = {
    type: 'line',
    data: {
      labels,
      datasets: [
        line(
          'Looked after at the end of the month',
          series.rows.map((r) => r.lookedAfter.count),
          0,
        ),
        line(
          'Started to be looked after',
          series.rows.map((r) => r.flows.started),
          2,
        ),
        line(
          'Ceased to be looked after',
          series.rows.map((r) => r.flows.ceased),
          3,
        ),
      ],
    },
    options: base('Children'),
  };
  return specs;
}
