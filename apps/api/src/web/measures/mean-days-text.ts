/**
 * Days as the measures give a mean (or a median) of them: to one decimal place, as the API returns
 * it, on every measures page (the scorecard, an indicator's children, time to permanence). Shown
 * whole, 426.3 would read "426" beside a threshold of 426 and "Above threshold"; the scorecard's
 * mean never rounds onto its threshold (libs/projections meanBesideThreshold).
 */
export const meanDaysText = (value: number | null): string =>
  value === null
    ? 'No children'
    : value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
