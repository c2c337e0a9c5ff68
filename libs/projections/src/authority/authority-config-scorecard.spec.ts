/**
 * The adoption scorecard's local A1 ambition and threshold bands are authority settings (rule book:
 * "Every threshold here is a default in configuration, not a constant in code"; scorecard "Local
 * ambition (configurable): 365 days for A1").
 */
import { journey } from '../testing/journey-builder';
import { scorecard } from '../measures/scorecard';
import { DEFAULT_SCORECARD_THRESHOLDS } from '../measures/scorecard-thresholds';
import { loadAuthorityConfig } from './authority-config-env';
import { AuthorityConfigError, authorityConfig } from './authority-config-overrides';

const adopted = journey('S1')
  .registered('2021-01-01')
  .startCare('2022-01-01')
  .placementOrder('2022-06-01')
  .match('2022-09-01')
  .placedForAdoption('2022-10-01')
  .adopted('2023-04-01')
  .summary();

describe('authority settings: the adoption scorecard', () => {
  it("Given no scorecard settings, Then the local A1 ambition is 365 days and the bands are the rule book's", () => {
    expect(authorityConfig({}).scorecard).toEqual({
      localA1TargetDays: 365,
      thresholds: DEFAULT_SCORECARD_THRESHOLDS,
      enteredCare: 'period_start',
    });
  });

  it('Given a local A1 ambition of 300 days, When the scorecard is read with the settings, Then A1 shows 300 as its local target', () => {
    const config = loadAuthorityConfig({ CARE_JOURNEY_AUTHORITY: '{"scorecard":{"localA1TargetDays":300}}' });
    expect(config.scorecard.thresholds).toBe(DEFAULT_SCORECARD_THRESHOLDS);
    expect(scorecard([adopted], '2025-03-31', config.scorecard).A1.localTargetDays).toBe(300);
  });

  it('Given a band table of its own, When the scorecard is read, Then A1 and A2 are judged against its band', () => {
    const config = authorityConfig({
      scorecard: {
        thresholds: [
          { upToYear: 2015, period: 'to 2015', a1Days: 487, a2Days: 152 },
          { upToYear: null, period: 'local from 2016', a1Days: 400, a2Days: 100, note: 'council plan 2024' },
        ],
      },
    });
    const card = scorecard([adopted], '2025-03-31', config.scorecard);
    expect(card.threshold).toMatchObject({ period: 'local from 2016', a1Days: 400, a2Days: 100 });
    expect(card.A1.thresholdDays).toBe(400);
    expect(card.A2.thresholdDays).toBe(100);
  });

  it.each([
    [
      { localTarget: 300 },
      'scorecard.localTarget',
      /is not a field of scorecard; it takes enteredCare, localA1TargetDays, thresholds/,
    ],
    [{ localA1TargetDays: 0 }, 'scorecard.localA1TargetDays', /must be a whole number of days > 0/],
    [{ localA1TargetDays: '365' }, 'scorecard.localA1TargetDays', /must be a whole number of days > 0/],
    [
      { thresholds: [{ upToYear: 2015, period: 'to 2015', a1Days: 487, a2Days: 152 }] },
      'scorecard.thresholds',
      /must end with a band of upToYear null/,
    ],
    [
      {
        thresholds: [
          { upToYear: 2015, period: 'a', a1Days: 487, a2Days: 152 },
          { upToYear: 2014, period: 'b', a1Days: 547, a2Days: 182 },
          { upToYear: null, period: 'c', a1Days: 426, a2Days: 121 },
        ],
      },
      'scorecard.thresholds',
      /must be in order of upToYear, oldest first/,
    ],
    [
      { thresholds: [{ upToYear: null, period: 'all', a1Days: 426, a2Dys: 121 }] },
      'scorecard.thresholds[0].a2Dys',
      /is not a field of scorecard\.thresholds\[0\]/,
    ],
    [
      { thresholds: [{ upToYear: null, period: 'all', a1Days: -1, a2Days: 121 }] },
      'scorecard.thresholds[0].a1Days',
      /must be a whole number of days > 0/,
    ],
  ])(
    'Given the scorecard settings %j, When the settings are read, Then they are refused naming %s',
    (value, field, rule) => {
      let error: unknown;
      try {
        authorityConfig({ scorecard: value });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(AuthorityConfigError);
      expect((error as AuthorityConfigError).field).toBe(field);
      expect((error as Error).message).toMatch(rule);
    },
  );
});
