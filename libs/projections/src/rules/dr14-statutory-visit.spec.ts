import { driftRule } from './rule-registry';
import { driftConfig, DEFAULT_DRIFT_CONFIG } from './drift-config';
import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';

// Visits recorded here since 2020: every placement in these journeys counts from its start.
const ON = driftConfig({ DR14: { recordedFrom: '2020-01-01' } });

describe('DR14 statutory visit due (reg 28)', () => {
  // Born 2015; in foster care (U6) under a care order from 1 March 2024: event t-2 starts care.
  const placed = () =>
    journey('t').registered('2024-02-01', { dateOfBirth: '2015-06-01' }).startCare('2024-03-01', 'C2', 'U6');

  describe('the first visit: within a week of the placement starting', () => {
    it('Given no visit, When it is exactly 7 days after the start, Then nothing is overdue yet', () =>
      expect(flagsOf(placed().summary(), '2024-03-08', 'DR14', ON)).toEqual([]));
    it('Given no visit, When it is 8 days after the start, Then the visit is 1 day overdue, resting on the start of care', () =>
      expect(flagsOf(placed().summary(), '2024-03-09', 'DR14', ON)).toEqual([
        expect.objectContaining({
          dueDate: '2024-03-08',
          daysOverdue: 1,
          evidence: ['t-2'],
          threshold: { interval: 'first visit of a placement', days: 7 },
        }),
      ]));
    it('Given a visit on the 7th day, Then it is in time', () =>
      expect(historyOf(placed().visit('2024-03-08').summary(), '2024-04-01', 'DR14', ON)).toEqual([]));
    it('Given a visit on the day the placement starts, Then it is the first visit', () =>
      expect(flagsOf(placed().visit('2024-03-01').summary(), '2024-04-12', 'DR14', ON)).toEqual([]));
    it('Given a visit on the 8th day, Then the history keeps a 1-day breach closed by it', () =>
      expect(historyOf(placed().visit('2024-03-09').summary(), '2024-04-01', 'DR14', ON)).toEqual([
        expect.objectContaining({ openedOn: '2024-03-09', closedOn: '2024-03-09', daysOverdue: 1 }),
      ]));
  });

  describe('the first year: within 6 weeks of each visit', () => {
    const visited = () => placed().visit('2024-03-05');
    it('Given a visit on 5 March, When it is exactly 6 weeks later (16 April), Then nothing is overdue', () =>
      expect(flagsOf(visited().summary(), '2024-04-16', 'DR14', ON)).toEqual([]));
    it('Given a visit on 5 March, When it is 6 weeks and a day later, Then the next is overdue, resting on that visit', () =>
      expect(flagsOf(visited().summary(), '2024-04-17', 'DR14', ON)).toEqual([
        expect.objectContaining({
          dueDate: '2024-04-16',
          daysOverdue: 1,
          evidence: ['t-3'],
          threshold: { interval: "placement's first year", weeks: 6 },
        }),
      ]));
    it('Given two visits the same day, Then the second does not count as the next visit', () =>
      expect(flagsOf(visited().visit('2024-03-05', false).summary(), '2024-04-17', 'DR14', ON)).toHaveLength(
        1,
      ));
  });

  describe('after the first year: 3-monthly in long-term fostering confirmed, else 6-weekly', () => {
    // Visited every 6 weeks or less up to 28 February 2025; the placement's first year ends on 1 March.
    const aYear = (j = placed()) =>
      [
        '2024-03-05',
        '2024-04-15',
        '2024-05-20',
        '2024-06-28',
        '2024-08-05',
        '2024-09-16',
        '2024-10-25',
        '2024-12-02',
        '2025-01-10',
        '2025-02-17',
      ].reduce((b, date) => b.visit(date), j);
    it('Given a visit on the last day of the first year (28 February), Then the next is due 6 weeks later even in long-term fostering', () => {
      const s = aYear(
        journey('t')
          .registered('2024-02-01', { dateOfBirth: '2015-06-01' })
          .startCare('2024-03-01', 'C2', 'U4')
          .plan('2024-03-01', 'long_term_fostering'),
      )
        .visit('2025-02-28')
        .summary();
      expect(flagsOf(s, '2025-04-12', 'DR14', ON)).toEqual([
        expect.objectContaining({
          dueDate: '2025-04-11',
          threshold: { interval: "placement's first year", weeks: 6 },
        }),
      ]);
    });
    it('Given long-term fostering confirmed (U4, plan long-term fostering), When visited on the first anniversary, Then the next is due 3 months later', () => {
      const s = aYear(
        journey('t')
          .registered('2024-02-01', { dateOfBirth: '2015-06-01' })
          .startCare('2024-03-01', 'C2', 'U4')
          .plan('2024-03-01', 'long_term_fostering'),
      )
        .visit('2025-03-01')
        .summary();
      expect(flagsOf(s, '2025-06-01', 'DR14', ON)).toEqual([]);
      expect(flagsOf(s, '2025-06-02', 'DR14', ON)).toEqual([
        expect.objectContaining({
          dueDate: '2025-06-01',
          daysOverdue: 1,
          threshold: { interval: 'long-term fostering confirmed', months: 3 },
        }),
      ]);
    });
    it('Given a U4 placement whose plan is not long-term fostering, When visited on the first anniversary, Then the next is due 6 weeks later', () => {
      const s = aYear(
        journey('t')
          .registered('2024-02-01', { dateOfBirth: '2015-06-01' })
          .startCare('2024-03-01', 'C2', 'U4')
          .plan('2024-03-01', 'return_home'),
      )
        .visit('2025-03-01')
        .summary();
      expect(flagsOf(s, '2025-04-13', 'DR14', ON)).toEqual([
        expect.objectContaining({
          dueDate: '2025-04-12',
          threshold: { interval: 'after the first year', weeks: 6 },
        }),
      ]);
    });
  });

  describe('at home under an interim care order (C1 in P1): weekly until the first review', () => {
    const atHome = () =>
      journey('h')
        .registered('2024-02-01', { dateOfBirth: '2015-06-01' })
        .startCare('2024-03-01', 'C1', 'P1')
        .visit('2024-03-05');
    it('Given no review yet, When a week and a day have passed since the last visit, Then the next is overdue', () =>
      expect(flagsOf(atHome().summary(), '2024-03-13', 'DR14', ON)).toEqual([
        expect.objectContaining({
          dueDate: '2024-03-12',
          threshold: { interval: 'at home under an interim care order', days: 7 },
        }),
      ]));
    it('Given the first review held before the visit, Then the visits are 6-weekly again', () => {
      const s = journey('h')
        .registered('2024-02-01', { dateOfBirth: '2015-06-01' })
        .startCare('2024-03-01', 'C1', 'P1')
        .review('2024-03-04')
        .visit('2024-03-05')
        .summary();
      expect(flagsOf(s, '2024-04-16', 'DR14', ON)).toEqual([]);
    });
    it('Given an interim care order in foster care (not at home), Then the visits are 6-weekly', () =>
      expect(
        flagsOf(
          placed().legalStatus('2024-03-02', 'C1').visit('2024-03-05').summary(),
          '2024-04-16',
          'DR14',
          ON,
        ),
      ).toEqual([]));
  });

  describe('a new placement starts again; the end of the placement ends the chain', () => {
    it('Given a move to a new carer, Then the first visit there is due within a week of the move, and the old chain lapses', () => {
      const s = placed().visit('2024-03-05').move('2024-04-01', 'U4').summary();
      expect(flagsOf(s, '2024-04-09', 'DR14', ON)).toEqual([
        expect.objectContaining({ dueDate: '2024-04-08', evidence: ['t-4'] }),
      ]);
      expect(historyOf(s, '2024-04-09', 'DR14', ON)).toHaveLength(1);
    });
    it('Given a visit on the day of the move, Then it is the first visit of the new placement', () =>
      expect(
        flagsOf(
          placed().visit('2024-03-05').move('2024-04-01', 'U4').visit('2024-04-01').summary(),
          '2024-04-20',
          'DR14',
        ),
      ).toEqual([]));
    it('Given the same carer changing placement type, Then it is the same placement: no new first visit', () =>
      expect(
        flagsOf(
          placed().visit('2024-03-05').move('2024-03-20', 'U4', true).summary(),
          '2024-04-16',
          'DR14',
          ON,
        ),
      ).toEqual([]));
    it('Given care ended with a visit overdue, Then the flag closes as no longer applying and nothing is due after', () => {
      const s = placed().endCare('2024-03-20').summary();
      expect(flagsOf(s, '2024-06-01', 'DR14', ON)).toEqual([]);
      expect(historyOf(s, '2024-06-01', 'DR14', ON)).toEqual([
        expect.objectContaining({ openedOn: '2024-03-09', closedOn: '2024-03-20' }),
      ]);
    });
    it('Given placed for adoption (A4), Then no reg 28 visit falls due in that placement', () =>
      expect(
        flagsOf(
          placed().visit('2024-03-05').placedForAdoption('2024-04-01').summary(),
          '2024-09-01',
          'DR14',
          ON,
        ),
      ).toEqual([]));
  });

  it('Given short breaks (V3), Then no visit falls due', () =>
    expect(
      flagsOf(
        journey('s')
          .registered('2024-02-01', { dateOfBirth: '2015-06-01' })
          .startCare('2024-03-01', 'V3', 'U6')
          .summary(),
        '2024-06-01',
        'DR14',
      ),
    ).toEqual([]));

  it('Given a visit due on or after the 18th birthday, Then none falls due (DR13 asks for care to end)', () => {
    const s = journey('a')
      .registered('2024-02-01', { dateOfBirth: '2006-03-10' })
      .startCare('2024-03-01', 'C2', 'U6')
      .visit('2024-03-05')
      .summary();
    expect(flagsOf(s, '2024-06-01', 'DR14', ON)).toEqual([]);
  });

  it('Given the timescales set by the authority, Then they are used', () => {
    const config = driftConfig({ DR14: { recordedFrom: '2020-01-01', firstVisitDays: 5 } });
    expect(flagsOf(placed().summary(), '2024-03-07', 'DR14', config)).toEqual([
      expect.objectContaining({ dueDate: '2024-03-06', daysOverdue: 1 }),
    ]);
  });

  describe('the day the authority starts recording visits (DR14.recordedFrom)', () => {
    const from = driftConfig({ DR14: { recordedFrom: '2024-06-01' } });
    it('Given the default (off), Then no visit falls due however long the child has been placed', () =>
      expect(flagsOf(placed().summary(), '2026-01-01', 'DR14')).toEqual([]));
    it('Given recording from 1 June 2024 and a placement from 1 March, When it is before 1 June, Then nothing is due', () =>
      expect(flagsOf(placed().summary(), '2024-05-31', 'DR14', from)).toEqual([]));
    it("Given recording from 1 June 2024, Then the placement running that day needs a visit within its first year's 6 weeks of it", () => {
      expect(flagsOf(placed().summary(), '2024-07-13', 'DR14', from)).toEqual([]);
      expect(flagsOf(placed().summary(), '2024-07-14', 'DR14', from)).toEqual([
        expect.objectContaining({
          key: '2024-03-01@2024-06-01',
          dueDate: '2024-07-13',
          daysOverdue: 1,
          evidence: ['t-2'],
        }),
      ]);
    });
    it('Given a placement that ended before recording began, Then nothing is asked of it, only of the one running then', () =>
      expect(
        historyOf(
          placed().move('2024-04-01', 'U4').visit('2024-06-03').summary(),
          '2024-08-01',
          'DR14',
          from,
        ).map((entry) => entry.key),
      ).toEqual(['2024-04-01@2024-06-03']));
    it('Given a setting that is neither off nor a date, Then the configuration is refused naming it', () =>
      expect(() => driftConfig({ DR14: { recordedFrom: '1 June' } })).toThrow(
        /DR14\.recordedFrom must be 'off' or a date/,
      ));
  });

  it('says its timescales in words, and lists them as thresholds', () => {
    expect(driftRule('DR14').describe(ON)).toContain('within 7 days of a placement starting');
    expect(driftRule('DR14').describe(DEFAULT_DRIFT_CONFIG)).toMatch(/^Off until the authority sets/);
    expect(driftRule('DR14').thresholds(DEFAULT_DRIFT_CONFIG)).toEqual({
      recordedFrom: 'off',
      firstVisitDays: 7,
      firstYearWeeks: 6,
      longTermMonths: 3,
      laterWeeks: 6,
      icoAtHomeDays: 7,
    });
  });
});
