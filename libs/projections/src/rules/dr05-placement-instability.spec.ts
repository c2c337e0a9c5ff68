import { addDays } from '@care-journey/journey';
import { placementsInMonthsUpTo, stability } from '../measures/stability';
import { carePeriodOn } from '../summary/periods-off-short-breaks';
import type { JourneySummary } from '../summary/journey-summary';
import { journey } from '../testing/journey-builder';
import { dueSoonOf, flagsOf, historyOf } from '../testing/drift-expectations';
import { DEFAULT_DRIFT_CONFIG } from './drift-config';
import { DR05 } from './dr05-placement-instability';

describe('DR05 placement instability', () => {
  const threePlacements = () =>
    journey('c').registered('2015-01-01').startCare('2024-01-01').move('2024-05-01').move('2024-09-01');

  it('Given a third placement starting on 1 September 2024, When read as at that day, Then the flag is open (3 placements in the 12 months up to it), never "due soon"', () => {
    const s = threePlacements().summary();
    expect(flagsOf(s, '2024-08-31', 'DR05')).toEqual([]);
    expect(dueSoonOf(s, '2024-08-31', 'DR05')).toEqual([]);
    expect(dueSoonOf(s, '2024-09-01', 'DR05')).toEqual([]);
    expect(flagsOf(s, '2024-09-01', 'DR05')).toEqual([
      expect.objectContaining({
        dueDate: '2024-08-31',
        openedOn: '2024-09-01',
        daysOverdue: 1,
        evidence: ['c-2', 'c-3', 'c-4'],
        threshold: { placements: 3, months: 12 },
      }),
    ]);
    expect(flagsOf(s, '2024-09-02', 'DR05')).toEqual([expect.objectContaining({ daysOverdue: 2 })]);
    expect(historyOf(s, '2024-09-01', 'DR05')).toEqual([expect.objectContaining({ openedOn: '2024-09-01' })]);
  });

  it('Given the 12-month window slides past the first placement (ended 1 May 2024), Then the flag closes on 30 April 2025 as no longer applying (no step was taken) and stays in history', () => {
    // On 30 April 2025 the 12 months up to it start on 1 May 2024, the day the first placement ended.
    const s = threePlacements().summary();
    expect(flagsOf(s, '2025-04-29', 'DR05')).toHaveLength(1);
    expect(flagsOf(s, '2025-04-30', 'DR05')).toEqual([]);
    expect(historyOf(s, '2025-06-01', 'DR05')).toEqual([
      expect.objectContaining({
        openedOn: '2024-09-01',
        closedOn: '2025-04-30',
        closedBy: 'no_longer_applies',
        closingEventId: undefined,
      }),
    ]);
  });

  it('Given a standing condition, Then no obligation is ever met by a step, and the rule says in words what ended it', () => {
    const s = threePlacements()
      .endCare('2026-01-01')
      .startCare('2026-03-01')
      .move('2026-04-01')
      .move('2026-05-01');
    const summary = s.summary();
    const obligations = DR05.obligations(summary, '2026-12-31', DEFAULT_DRIFT_CONFIG);
    expect(obligations.length).toBeGreaterThan(1);
    expect(obligations.filter((o) => o.metOn !== undefined)).toEqual([]);
    expect(DR05.condition?.ended({ placements: 3, months: 12 })).toBe(
      'fewer than 3 placements in the 12 months',
    );
  });

  it('Given carer 1 from 15 Jan 2024 and moves on 1 Apr and 1 Oct 2024 (RV8S2), When read as at 31 March 2025, Then DR05 and ST1 both count 2 placements and the flag is closed', () => {
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2024-01-15')
      .move('2024-04-01')
      .move('2024-10-01')
      .summary();
    // The year ending 31 March 2025 starts on 1 April 2024: carer 1 had gone by then.
    expect(stability([s], '2025-03-31')[0].children[0]).toMatchObject({ placements: 2, counted: false });
    expect(flagsOf(s, '2025-03-31', 'DR05')).toEqual([]);
    expect(flagsOf(s, '2025-03-30', 'DR05')).toEqual([
      expect.objectContaining({ dueDate: '2024-09-30', evidence: ['c-2', 'c-3', 'c-4'] }),
    ]);
    expect(historyOf(s, '2025-03-31', 'DR05')).toEqual([
      expect.objectContaining({
        openedOn: '2024-10-01',
        closedOn: '2025-03-31',
        evidence: ['c-2', 'c-3', 'c-4'],
      }),
    ]);
  });

  describe("Given journeys with moves near month ends and 29 February, When read on every day from 2023 to 2026, Then DR05 is open exactly when ST1's count over the 12 months up to that day is 3+ (in care), with the placements counted on its opening day and then those as evidence", () => {
    const journeys: Record<string, () => JourneySummary> = {
      'leap day': () =>
        journey('c')
          .registered('2015-01-01')
          .startCare('2023-06-01')
          .move('2024-01-31')
          .move('2024-02-29')
          .move('2024-03-01')
          .move('2024-08-31')
          .summary(),
      'month ends': () =>
        journey('c')
          .registered('2015-01-01')
          .startCare('2023-03-31')
          .move('2023-05-31')
          .move('2023-12-31')
          .move('2024-05-31')
          .endCare('2025-03-01')
          .summary(),
      'a second period': () =>
        journey('c')
          .registered('2015-01-01')
          .startCare('2023-01-10')
          .move('2023-04-30')
          .endCare('2023-07-01')
          .startCare('2023-09-01')
          .move('2023-11-30')
          .move('2024-02-28')
          .summary(),
    };
    it.each(Object.keys(journeys))('%s', (name) => {
      const s = journeys[name]();
      const mismatches: string[] = [];
      for (let day = '2023-01-01'; day <= '2026-06-30'; day = addDays(day, 1)) {
        const runs = placementsInMonthsUpTo(s, day, 12);
        const expected = carePeriodOn(s, day) !== undefined && runs.length >= 3;
        const flags = flagsOf(s, day, 'DR05');
        if ((flags.length === 1) !== expected)
          mismatches.push(`${day}: open ${flags.length}, ST1 ${runs.length}`);
        else if (expected) {
          // What opened it (review s16-ofsted F3), then what keeps it open, each once.
          const opening = placementsInMonthsUpTo(s, flags[0].openedOn, 12).map((run) => run.startEventId);
          const wanted = [...new Set([...opening, ...runs.map((run) => run.startEventId)])];
          if (flags[0].evidence.join() !== wanted.join())
            mismatches.push(`${day}: evidence ${flags[0].evidence.join()}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  });

  it('Given a flag open since 2025 kept open by later moves, When read as at 27 November 2026, Then its evidence is the placements that opened it and those in the 12 months up to that date (review s16-ofsted F3)', () => {
    // Placements begin 28 Feb 2024 (c-2), 25 May 2025 (c-3), 6 Jul 2025 (c-4), 18 Feb 2026 (c-5), 25 May 2026 (c-6).
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2024-02-28')
      .move('2025-05-25')
      .move('2025-07-06')
      .move('2026-02-18')
      .move('2026-05-25')
      .summary();
    expect(flagsOf(s, '2025-07-07', 'DR05')).toEqual([
      expect.objectContaining({ dueDate: '2025-07-05', evidence: ['c-2', 'c-3', 'c-4'] }),
    ]);
    // One spell since 6 July 2025, opened by c-2, c-3, c-4 (its "from" rests on them); the 6 July 2025
    // placement ran until 18 February 2026, inside the window, with c-5 and c-6 keeping it open.
    expect(flagsOf(s, '2026-11-27', 'DR05')).toEqual([
      expect.objectContaining({ dueDate: '2025-07-05', evidence: ['c-2', 'c-3', 'c-4', 'c-5', 'c-6'] }),
    ]);
    expect(historyOf(s, '2026-11-27', 'DR05')).toEqual([
      expect.objectContaining({ openedOn: '2025-07-06', evidence: ['c-2', 'c-3', 'c-4', 'c-5', 'c-6'] }),
    ]);
  });

  it('Given a flag that closed, Then its history shows the placements that opened it and those in the 12 months up to its last open day', () => {
    // Open from 1 Mar 2024; the move of 1 Jun 2024 keeps it open after the first placement leaves the window.
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2023-06-01')
      .move('2024-01-01')
      .move('2024-03-01')
      .move('2024-06-01')
      .summary();
    // The first placement (c-2, last day 31 Dec 2023) leaves the window on 31 Dec 2024; the second
    // (c-3, last day 29 Feb 2024) is still in on 28 Feb 2025 (window from 29 Feb 2024), out on 1 Mar 2025.
    expect(historyOf(s, '2025-06-01', 'DR05')).toEqual([
      expect.objectContaining({
        openedOn: '2024-03-01',
        closedOn: '2025-03-01',
        evidence: ['c-2', 'c-3', 'c-4', 'c-5'],
      }),
    ]);
  });

  it('Given temporary placements and same-carer changes, Then they are not moves', () => {
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2024-01-01')
      .temporary('2024-02-01')
      .backFromTemporary('2024-02-05')
      .move('2024-03-01', 'U5', true)
      .temporary('2024-04-01', 'T2')
      .backFromTemporary('2024-04-03')
      .summary();
    expect(flagsOf(s, '2024-06-01', 'DR05')).toEqual([]);
  });

  it('Given short-break periods (V3/V4), Then they are left out', () => {
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2024-01-01', 'V3')
      .move('2024-02-01')
      .move('2024-03-01')
      .summary();
    expect(flagsOf(s, '2024-06-01', 'DR05')).toEqual([]);
  });

  it('Given the child leaves care, Then the flag no longer applies', () => {
    const s = threePlacements().endCare('2024-10-01').summary();
    expect(flagsOf(s, '2024-10-02', 'DR05')).toEqual([]);
    expect(historyOf(s, '2024-10-02', 'DR05')[0]).toMatchObject({
      closedOn: '2024-10-01',
      closedBy: 'no_longer_applies',
    });
  });
});
