import type { MeasuresRow } from '@care-journey/projections';
import { countsBehind, monthLabel, seriesMonths } from './authority-series';

describe('authority series on the measures page', () => {
  it('covers the same years as the tables: April of the first to March of the last', () => {
    expect(seriesMonths('2025-03-31', 3)).toEqual({ from: '2022-04', to: '2025-03' });
    expect(seriesMonths('2025-03-31', 1)).toEqual({ from: '2024-04', to: '2025-03' });
  });

  it('labels months the GOV.UK way', () => {
    expect(monthLabel('2024-04')).toBe('Apr 2024');
    expect(monthLabel('2025-12')).toBe('Dec 2025');
  });

  it("gives the counts behind a target's figure when the row holds them", () => {
    const row = {
      threePlusPlacements: { numerator: 3, denominator: 40, percentage: 7.5 },
      reviewsInTime: { due: 10, inTime: 9, percentage: 90 },
      lookedAfter: { count: 40 },
    } as unknown as MeasuresRow;
    expect(countsBehind(row, 'threePlusPlacements.percentage')).toBe('3 of 40');
    expect(countsBehind(row, 'reviewsInTime.percentage')).toBe('9 of 10');
    expect(countsBehind(row, 'lookedAfter.count')).toBe('');
    expect(countsBehind(row, 'nothing.here')).toBe('');
  });
});
