/**
 * A mean of days as the measures give it: to one decimal place (the projections' `mean`), as the
 * API returns it. Shown whole, 426.3 would read "426" beside a threshold of 426 and "Above threshold".
 */
export const meanDaysText = (value: number | null): string =>
  value === null
    ? 'No children'
    : value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
