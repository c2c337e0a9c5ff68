import { DEFAULT_DRIFT_CONFIG, driftConfig } from '../rules/drift-config';
import { feedContentId } from './feed-content';

describe('feed content id (review s14 F2)', () => {
  it('Given the same thresholds built twice (keys in another order), Then the id is the same', () => {
    const reordered = Object.fromEntries(
      Object.entries(DEFAULT_DRIFT_CONFIG).reverse(),
    ) as typeof DEFAULT_DRIFT_CONFIG;
    expect(feedContentId(reordered)).toBe(feedContentId(DEFAULT_DRIFT_CONFIG));
    expect(feedContentId(DEFAULT_DRIFT_CONFIG)).toMatch(/^v\d+-[0-9a-f]{16}$/);
  });

  it('Given a DR01 threshold of 10 working days, Then the id differs (the flags the feed carries differ)', () => {
    expect(feedContentId(driftConfig({ DR01: { workingDays: 10 } }))).not.toBe(
      feedContentId(DEFAULT_DRIFT_CONFIG),
    );
  });

  it("Given a council's extra bank holidays, Then the id differs (DR01/DR04 deadlines move), and differs again for other days; the same days in another order give one id", () => {
    const june = feedContentId(driftConfig({ extraBankHolidays: ['2026-06-15'] }));
    expect(june).not.toBe(feedContentId(DEFAULT_DRIFT_CONFIG));
    expect(feedContentId(driftConfig({ extraBankHolidays: ['2026-06-16'] }))).not.toBe(june);
    expect(feedContentId(driftConfig({ extraBankHolidays: ['2026-06-16', '2026-06-15'] }))).toBe(
      feedContentId(driftConfig({ extraBankHolidays: ['2026-06-15', '2026-06-16'] })),
    );
  });

  it('Given no extra bank holidays, Then the default thresholds keep the digest they had before the setting existed (session 15 served acf6402bc32e0cab): an upgrade asks for no rebuild', () => {
    // A changed default threshold moves this digest too, rightly: read models must then be rebuilt.
    expect(feedContentId(DEFAULT_DRIFT_CONFIG, 5)).toBe('v5-acf6402bc32e0cab');
    expect(feedContentId(driftConfig({ extraBankHolidays: [] }), 5)).toBe('v5-acf6402bc32e0cab');
  });

  it('Given another fold version, Then the id differs', () => {
    expect(feedContentId(DEFAULT_DRIFT_CONFIG, 1)).not.toBe(feedContentId(DEFAULT_DRIFT_CONFIG, 2));
  });

  it('Given only the "due soon" window changed, Then the id is the same (the feed carries no due-soon lines)', () => {
    expect(feedContentId({ ...DEFAULT_DRIFT_CONFIG, dueSoonDays: 7 })).toBe(
      feedContentId(DEFAULT_DRIFT_CONFIG),
    );
  });
});
