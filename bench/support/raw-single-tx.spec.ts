import { bracketBaselines, medianRatio, rawSingleTxRound, spreadNote } from './raw-single-tx';

describe('the raw 1/tx baseline in rounds (review s16 F8)', () => {
  it('Given five rounds, Then the note gives their median, how far apart they were, and every round', () => {
    expect(spreadNote([2674, 410, 3795, 3100, 2900])).toBe(
      'median 2,900 tx/s of 5 rounds (410–3,795, 9.26× apart: 2,674 / 410 / 3,795 / 3,100 / 2,900)',
    );
  });

  it('Given raw rounds around three phases, Then each phase gets the mean of the round before and the round after it', () => {
    expect(bracketBaselines([1000, 3000, 2000, 4000], 3)).toEqual([2000, 2500, 3000]);
  });

  it('Given a raw round missing around a phase, Then it is refused naming the count', () => {
    expect(() => bracketBaselines([1000, 3000], 2)).toThrow('2 phases need 3 raw rounds around them, got 2');
    expect(() => bracketBaselines([1000], 0)).toThrow('phases must be ≥ 1, got 0');
  });

  it('Given phases measured against their own bracketing baselines, Then the ratio is the median of the phases’ ratios, not median rate over median baseline', () => {
    // Ratios 0.5, 0.4, 0.2: the median is 0.4. Median rate over median baseline would be 1500 / 3000 = 0.5.
    expect(medianRatio([1500, 1200, 2000], [3000, 3000, 10000])).toEqual({ ratio: 0.4, baseline: 3000 });
  });

  it('Given rates and baselines of different lengths, Then it is refused', () => {
    expect(() => medianRatio([1, 2], [1])).toThrow('2 rates need as many baselines, got 1');
    expect(() => medianRatio([], [])).toThrow('0 rates need as many baselines, got 0');
  });

  it('Given no rows, Then a round is refused before any file is made', async () => {
    await expect(rawSingleTxRound([])).rejects.toThrow('a raw 1/tx round needs rows');
  });

  it('Given a few rows, When a round commits them one per transaction, Then it reports their rate', async () => {
    const rows = Array.from(
      { length: 5 },
      (_, i) => ['s', i, `id-${i}`, 'T', '{}', '{}'] as [string, number, string, string, string, string],
    );
    const run = await rawSingleTxRound(rows);
    expect(run.perSecond).toBeCloseTo(5 / run.seconds, 6);
    expect(run.seconds).toBeGreaterThan(0);
  });
});
