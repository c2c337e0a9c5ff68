import { reviewClockStart, spellsOffShortBreaks } from './looked-after-otherwise';

const statuses = (...pairs: [string, string][]) => pairs.map(([date, code]) => ({ date, code }));

describe('spells off short breaks in a period of care', () => {
  it('Given a period under a care order throughout, Then it is one spell from its start', () =>
    expect(spellsOffShortBreaks(statuses(['2025-01-06', 'C1'], ['2025-03-01', 'C2']))).toEqual([
      { from: '2025-01-06', fromIndex: 0 },
    ]));

  it('Given short breaks throughout (V3, V4), Then no spell counts', () =>
    expect(spellsOffShortBreaks(statuses(['2025-01-06', 'V4']))).toEqual([]));

  it('Given short breaks, When a care order is made, Then the spell starts on the order', () =>
    expect(
      spellsOffShortBreaks(statuses(['2025-01-06', 'V3'], ['2025-06-02', 'C2'], ['2025-07-01', 'C1'])),
    ).toEqual([{ from: '2025-06-02', fromIndex: 1 }]));

  it('Given a care order then short breaks again, Then the spell ends on the return and a later order starts another', () =>
    expect(
      spellsOffShortBreaks(
        statuses(['2025-01-06', 'V3'], ['2025-06-02', 'C2'], ['2025-08-01', 'V3'], ['2025-10-01', 'V2']),
      ),
    ).toEqual([
      { from: '2025-06-02', fromIndex: 1, until: '2025-08-01', untilIndex: 2 },
      { from: '2025-10-01', fromIndex: 3 },
    ]));

  it('Given the default choice, Then the review clock runs from the change of legal status', () =>
    expect(reviewClockStart('2025-06-02', '2025-01-06')).toBe('2025-06-02'));

  it('Given period_start, Then the first spell counts from the period start, a later spell from its own start', () => {
    expect(reviewClockStart('2025-06-02', '2025-01-06', 'period_start', true)).toBe('2025-01-06');
    expect(reviewClockStart('2025-10-01', '2025-01-06', 'period_start', false)).toBe('2025-10-01');
  });
});
