/**
 * A correction may not give the journey a shape the 903 has no valid return for: care starting
 * again on the day it ended (rules 431/388) or a legal status change inside a temporary placement
 * (380/383). It is refused with the rule and words a new entry gets, also when the entry it would
 * break already broke another rule (old or imported data), which hides the rule in the replay.
 */
import type { JourneyEvent } from '../events';
import { amendEntry, retractEntry } from '../testing/correction-commands';
import { given } from '../testing/decider-specification';
import {
  CHILD,
  careEnded,
  careStarted,
  inCare,
  legalStatusChanged,
  reviewHeld,
  step,
} from '../testing/fixtures';

const SAME_DAY = 'period-of-care-starts-on-end-day';
const IN_STAY = 'legal-status-during-temporary-placement';
const away = (effectiveDate: string): JourneyEvent => ({
  type: 'TemporaryPlacementStarted',
  data: { childId: CHILD, effectiveDate, placementType: 'T1' },
});
const back = (effectiveDate: string) => step('TemporaryPlacementEnded', effectiveDate);

/** The refusal's words, with the rule's own words in them. */
const refusalOf = (outcome: { events(): unknown }): string => {
  try {
    outcome.events();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('corrections and same-day re-entry to care (903 rules 431, 388)', () => {
  // e2 care from 10 May, e3 ended 1 August, e4 care again from 10 August.
  const twoPeriods = [...inCare, careEnded('2024-08-01'), careStarted('2024-08-10')];

  it('Given care that ended on 1 August and began again on 10 August, When the end is amended to 10 August, Then it is refused with the same-day rule', () => {
    const outcome = given(twoPeriods).when(amendEntry('e3', { effectiveDate: '2024-08-10' }));
    outcome.thenThrows(SAME_DAY, 'amendedData.effectiveDate');
    expect(refusalOf(outcome)).toMatch(
      /a new period of care cannot start that same day \(903 rules 431 and 388/,
    );
  });

  it('Given the same two periods, When the second start is amended to 1 August, Then it is refused with the same-day rule', () =>
    given(twoPeriods)
      .when(amendEntry('e4', { effectiveDate: '2024-08-01' }))
      .thenThrows(SAME_DAY, 'amendedData.effectiveDate'));

  it('Given the same two periods, When the second start is amended to 2 August, Then it is recorded', () =>
    expect(
      given(twoPeriods)
        .when(amendEntry('e4', { effectiveDate: '2024-08-02' }))
        .events(),
    ).toHaveLength(1));
});

describe('corrections and a legal status change in a temporary placement (903 rules 380, 383)', () => {
  // e3 in hospital (T1) from 1 June, e4 back on 20 June, e5 care order (C2) on 25 June.
  const stayThenOrder = [
    ...inCare,
    away('2024-06-01'),
    back('2024-06-20'),
    legalStatusChanged('2024-06-25', 'C2'),
  ];

  it('Given a stay from 1 to 20 June and a change on 25 June, When the change is amended to 10 June, Then it is refused', () => {
    const outcome = given(stayThenOrder).when(amendEntry('e5', { effectiveDate: '2024-06-10' }));
    outcome.thenThrows(IN_STAY, 'amendedData.effectiveDate');
    expect(refusalOf(outcome)).toMatch(/temporary placement \(T1\) since 2024-06-01.*DfE rules 380 and 383/);
  });

  it('Given the same, When the change is amended to the day of the return, Then it is refused', () =>
    given(stayThenOrder)
      .when(amendEntry('e5', { effectiveDate: '2024-06-20' }))
      .thenThrows(IN_STAY, 'amendedData.effectiveDate'));

  it('Given the same, When the return is amended to 28 June (after the change), Then it is refused, naming the change', () => {
    const outcome = given(stayThenOrder).when(amendEntry('e4', { effectiveDate: '2024-06-28' }));
    outcome.thenThrows(IN_STAY, 'amendedData.effectiveDate');
    expect(refusalOf(outcome)).toMatch(/the legal status change on 25 June 2024 would then be refused/);
  });

  it('Given a change on 10 June and a stay from 15 to 20 June, When the stay start is amended to 5 June, Then it is refused', () =>
    given([...inCare, legalStatusChanged('2024-06-10', 'C2'), away('2024-06-15'), back('2024-06-20')])
      .when(amendEntry('e4', { effectiveDate: '2024-06-05' }))
      .thenThrows(IN_STAY, 'amendedData.effectiveDate'));

  it('Given the same, When the stay start is amended to 10 June (the day of the change), Then it is recorded (one RNE B episode)', () =>
    expect(
      given([...inCare, legalStatusChanged('2024-06-10', 'C2'), away('2024-06-15'), back('2024-06-20')])
        .when(amendEntry('e4', { effectiveDate: '2024-06-10' }))
        .events(),
    ).toHaveLength(1));
});

describe('a correction that would hide a 903 episode conflict behind an older failure', () => {
  // Old data: e5 "changes" C1 to C1, which breaks legal-status-must-change, the change's first rule.
  const oldData = [...inCare, away('2024-06-01'), back('2024-06-20'), legalStatusChanged('2024-06-25', 'C1')];

  it('Given a change that already breaks another rule, When the return is amended to after it, Then it is refused with the temporary-placement rule', () => {
    const outcome = given(oldData).when(amendEntry('e4', { effectiveDate: '2024-06-28' }));
    outcome.thenThrows(IN_STAY, 'amendedData.effectiveDate');
    expect(refusalOf(outcome)).toMatch(/the legal status change on 25 June 2024 would then be refused/);
  });

  it('Given the same, When the return is withdrawn (the stay would hold the change), Then it is refused', () =>
    given(oldData).when(retractEntry('e4')).thenThrows(IN_STAY));

  it('Given a change already inside a stay (recorded before the rule), When another entry is corrected, Then it is recorded (the conflict is not new)', () =>
    expect(
      given([
        ...inCare,
        away('2024-06-01'),
        legalStatusChanged('2024-06-10', 'C2'),
        back('2024-06-20'),
        reviewHeld('2024-07-01'),
      ])
        .when(amendEntry('e6', { participation: 'PN2' }))
        .events(),
    ).toHaveLength(1));
});
