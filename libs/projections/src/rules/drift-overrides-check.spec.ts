import { DEFAULT_DRIFT_CONFIG, driftConfig, type DriftConfigOverrides } from './drift-config';
import { DriftOverrideError } from './drift-overrides-check';
import { DRIFT_RULE_IDS } from './drift-rule';

const refused = (overrides: unknown): string => {
  try {
    driftConfig(overrides as DriftConfigOverrides);
  } catch (error) {
    expect(error).toBeInstanceOf(DriftOverrideError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(overrides)}`);
};

describe('drift threshold overrides are checked against the defaults', () => {
  it('Given a known rule and key with a whole number > 0, When laid over the defaults, Then it is taken', () => {
    const config = driftConfig({
      DR07: { days: 365 },
      dueSoonDays: 14,
      DR11: { months: { adoption: 12 } },
    } as DriftConfigOverrides);
    expect(config.DR07.days).toBe(365);
    expect(config.dueSoonDays).toBe(14);
    expect(config.DR11.months.adoption).toBe(12);
    expect(config.DR11.months.return_home).toBe(DEFAULT_DRIFT_CONFIG.DR11.months.return_home);
  });

  it('Given null for a route of DR11, When laid over the defaults, Then that route has no limit', () => {
    expect(
      driftConfig({ DR11: { months: { return_home: null } } } as DriftConfigOverrides).DR11.months
        .return_home,
    ).toBeNull();
  });

  it.each([
    [{ DR99: {} }, /^DR99 is not a drift rule or setting; known: DR01, .*dueSoonDays/],
    [{ DR07: { dayz: 3 } }, /^DR07.dayz is not a threshold of DR07; it takes days$/],
    [{ DR13: { days: 3 } }, /^DR13.days is not a threshold of DR13; it takes none$/],
    [{ DR04: { days: 3 } }, /^DR04.days is not a threshold of DR04; it takes deadline$/],
    [{ DR07: { days: -1 } }, /^DR07.days must be a whole number > 0, got -1$/],
    [{ DR07: { days: 0 } }, /^DR07.days must be a whole number > 0, got 0$/],
    [{ DR07: { days: 2.5 } }, /^DR07.days must be a whole number > 0, got 2.5$/],
    [{ DR07: { days: '365' } }, /^DR07.days must be a whole number > 0, got "365"$/],
    [{ DR07: { days: null } }, /^DR07.days must be a whole number > 0, got null$/],
    [{ DR07: 365 }, /^DR07 must be an object such as \{"days":426\}, got 365$/],
    [{ dueSoonDays: -3 }, /^dueSoonDays must be a whole number > 0, got -3$/],
    [{ DR11: { months: { adoption: 0 } } }, /^DR11.months.adoption must be a whole number > 0, got 0$/],
    [
      { DR11: { months: { kinship: 6 } } },
      /^DR11.months.kinship is not a threshold of DR11.months; it takes return_home/,
    ],
    [[], /^must be a JSON object/],
    [
      { DR01: { afterShortBreaks: 3 } },
      /^DR01.afterShortBreaks must be a text choice such as "legal_status_change", got 3$/,
    ],
    [
      { DR01: { afterShortBreaks: 'never' } },
      /^DR01.afterShortBreaks must be one of 'legal_status_change', 'period_start'/,
    ],
  ])('Given %j, When laid over the defaults, Then it is refused naming the rule', (overrides, message) => {
    expect(refused(overrides)).toMatch(message);
  });

  it("Given a council's extra bank holidays out of order, When laid over the defaults, Then they are taken, sorted (one set of days, one configuration); by default there are none", () => {
    expect(driftConfig({ extraBankHolidays: ['2026-06-15', '2025-12-29'] }).extraBankHolidays).toEqual([
      '2025-12-29',
      '2026-06-15',
    ]);
    expect(driftConfig({}).extraBankHolidays).toEqual([]);
  });

  it.each([
    [
      { extraBankHolidays: '2026-06-15' },
      /^extraBankHolidays must be a list such as \["2026-06-15"\], got "2026-06-15"$/,
    ],
    [
      { extraBankHolidays: ['2026-06-15', '2026-02-30'] },
      /^extraBankHolidays\[1\] must be a real date YYYY-MM-DD, got "2026-02-30" \(bank holidays of England and Wales that date-holidays does not list yet/,
    ],
    [
      { extraBankHolidays: [20260615] },
      /^extraBankHolidays\[0\] must be a real date YYYY-MM-DD, got 20260615/,
    ],
    [{ extraBankHolidays: ['15/06/2026'] }, /^extraBankHolidays\[0\] must be a real date YYYY-MM-DD/],
    [
      { extraBankHolidays: ['2026-06-15', '2026-06-16', '2026-06-15'] },
      /^extraBankHolidays\[2\] lists 2026-06-15 a second time: each day once/,
    ],
    [
      { extraBankHolidays: ['2026-06-13'] },
      /^extraBankHolidays\[0\] 2026-06-13 is a Saturday, never a working day/,
    ],
    [
      { extraBankHolidays: ['2026-06-14'] },
      /^extraBankHolidays\[0\] 2026-06-14 is a Sunday, never a working day/,
    ],
  ])(
    "Given a council's extra bank holidays %j, When laid over the defaults, Then it is refused naming the field and the rule",
    (overrides, message) => {
      expect(refused(overrides)).toMatch(message);
    },
  );

  it('Given the short-breaks choice, When it names a known choice, Then it is taken', () =>
    expect(driftConfig({ DR01: { afterShortBreaks: 'period_start' } }).DR01).toEqual({
      workingDays: 20,
      afterShortBreaks: 'period_start',
    }));

  it('Given an empty override for each registered rule, When laid over the defaults, Then every rule is known', () => {
    for (const rule of DRIFT_RULE_IDS) expect(() => driftConfig({ [rule]: {} })).not.toThrow();
  });
});
