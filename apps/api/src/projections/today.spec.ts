import { todayInEngland } from './today';

describe('todayInEngland', () => {
  it('is the date in England, not in UTC: 23:30 UTC in summer is already tomorrow', () =>
    expect(todayInEngland(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02'));
  it('is the UTC date in winter', () =>
    expect(todayInEngland(new Date('2026-01-01T23:30:00Z'))).toBe('2026-01-01'));
});
