import type { MeasuresData } from './measures-data';

/**
 * chart.js configurations as plain JSON (no functions), drawn by /assets/app/charts.js. Series
 * differ by dash and point shape as well as colour; animation is off (print, screenshots, motion).
 */
const SERIES_STYLES = [
  { borderColor: '#1d70b8', backgroundColor: '#1d70b8', pointStyle: 'circle', borderDash: [] as number[] },
  { borderColor: '#d4351c', backgroundColor: '#d4351c', pointStyle: 'triangle', borderDash: [8, 4] },
  { borderColor: '#0f7a52', backgroundColor: '#0f7a52', pointStyle: 'rect', borderDash: [2, 3] },
  { borderColor: '#4c2c92', backgroundColor: '#4c2c92', pointStyle: 'rectRot', borderDash: [12, 3, 2, 3] },
];

export const base = (yTitle: string) => ({
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
  scales: { y: { beginAtZero: true, title: { display: true, text: yTitle } } },
});

export const line = (label: string, data: (number | null)[], style: number) => ({
  label,
  data,
  ...SERIES_STYLES[style],
  pointRadius: 5,
  borderWidth: 2,
  spanGaps: true,
});

export const yearLabel = (yearEnding: string): string => `Year to ${yearEnding.slice(0, 4)}`;

export function chartSpecs(data: MeasuresData): Record<string, unknown> {
  const labels = data.yearEndings.map(yearLabel);
  const stabilitySpec = {
    type: 'line',
    data: {
      labels,
      datasets: (['ST1', 'ST2', 'ST3'] as const).map((id, i) =>
        line(
          id,
          data.stability.map((y) => y.measures.find((m) => m.measure === id)?.percentage ?? null),
          i,
        ),
      ),
    },
    options: base('Per cent of children'),
  };
  const permanenceSpec = {
    type: 'bar',
    data: {
      labels: data.permanence.byMilestone.map((m) => m.milestone.replace(/_/g, ' ')),
      datasets: [
        {
          label: 'Mean days',
          data: data.permanence.byMilestone.map((m) => m.meanDays),
          backgroundColor: '#1d70b8',
          borderColor: '#0b0c0c',
          borderWidth: 1,
        },
        {
          label: 'Median days',
          data: data.permanence.byMilestone.map((m) => m.medianDays),
          backgroundColor: '#f47738',
          borderColor: '#0b0c0c',
          borderWidth: 1,
        },
      ],
    },
    options: base('Days from entering care'),
  };
  const periods = data.scorecards.map((s) => `${s.periodStart.slice(0, 4)}–${s.periodEnding.slice(0, 4)}`);
  const scorecardSpec = {
    type: 'line',
    data: {
      labels: periods,
      datasets: [
        line(
          'A1 mean days, entering care to moving in',
          data.scorecards.map((s) => s.A1.meanDays),
          0,
        ),
        line(
          'A1 threshold',
          data.scorecards.map((s) => s.A1.thresholdDays),
          1,
        ),
        line(
          'A2 mean days, placement order to match',
          data.scorecards.map((s) => s.A2.meanDays),
          2,
        ),
        line(
          'A2 threshold',
          data.scorecards.map((s) => s.A2.thresholdDays),
          3,
        ),
        line(
          'A10 mean days, entering care to moving in (foster carer adoptions adjusted)',
          data.scorecards.map((s) => s.A10.meanDays),
          0,
        ),
      ].map((d, i) =>
        i === 4
          ? {
              ...d,
              borderColor: '#505a5f',
              backgroundColor: '#505a5f',
              pointStyle: 'star',
              borderDash: [4, 4],
            }
          : d,
      ),
    },
    options: base('Days (lower is better)'),
  };
  return { stability: stabilitySpec, permanence: permanenceSpec, scorecard: scorecardSpec };
}
