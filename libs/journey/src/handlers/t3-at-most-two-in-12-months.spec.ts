import { amendEntry } from '../testing/correction-commands';
import type { StartTemporaryPlacement } from '../commands';
import type { JourneyEvent } from '../events';
import { given } from '../testing/decider-specification';
import { CHILD, careStarted, meta, registered } from '../testing/fixtures';

// In care under C1 from 10 May 2024; each T3 lasts a week (3 weeks allowed, 903 rule 376).
const inCare: JourneyEvent[] = [registered, careStarted('2024-05-10', 'C1')];
type TemporaryType = 'T0' | 'T1' | 'T2' | 'T3' | 'T4';
const t3 = (start: string, back: string, placementType: TemporaryType = 'T3'): JourneyEvent[] => [
  { type: 'TemporaryPlacementStarted', data: { childId: CHILD, effectiveDate: start, placementType } },
  { type: 'TemporaryPlacementEnded', data: { childId: CHILD, effectiveDate: back } },
];
const startT = (effectiveDate: string, placementType: TemporaryType = 'T3'): StartTemporaryPlacement => ({
  type: 'StartTemporaryPlacement',
  childId: CHILD,
  effectiveDate,
  placementType,
  ...meta(),
});
const twoT3 = [...inCare, ...t3('2024-06-01', '2024-06-08'), ...t3('2024-08-01', '2024-08-08')];

describe('T3 (usual foster carer on holiday): at most two in any 12 months (903 rule 377)', () => {
  it('given one T3, when a second starts within 12 months, then it is accepted', () =>
    expect(
      given([...inCare, ...t3('2024-06-01', '2024-06-08')])
        .when(startT('2024-08-01'))
        .events(),
    ).toHaveLength(1));

  it('given two T3 from 1 June and 1 August 2024, when a third starts on 1 December 2024, then it is refused naming placementType and rule 377', () =>
    given(twoT3)
      .when(startT('2024-12-01'))
      .thenThrows('t3-more-than-two-in-12-months-903-rule-377', 'placementType'));

  it('given two T3 from 1 June and 1 August 2024, when a third starts on 1 June 2025 (12 months after the first), then it is accepted', () =>
    expect(given(twoT3).when(startT('2025-06-01')).events()).toHaveLength(1));

  it('given two T3, when another temporary placement (T4) starts, then it is accepted', () =>
    expect(given(twoT3).when(startT('2024-12-01', 'T4')).events()).toHaveLength(1));

  it('given two T3 recorded for June and August, when a T3 is recorded late for 20 May 2024, then the three within 12 months are refused', () =>
    given([...twoT3])
      .when(startT('2024-05-20'))
      .thenThrows('t3-more-than-two-in-12-months-903-rule-377'));

  it('says the earlier T3s, the limit and the rule', () => {
    try {
      given(twoT3).when(startT('2024-12-01')).events();
      throw new Error('not refused');
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('at most 2 times in any 12 months');
      expect(message).toContain('903 validation rule 377');
      expect(message).toContain('2024-06-01 and 2024-08-01');
    }
  });

  it('given two T3 and a T4, when the T4 is amended to a T3 within 12 months, then the amendment is refused', () => {
    // e1 registration, e2 start of care, e3–e6 the two T3s, e7 the T4, e8 back.
    const amendment = amendEntry(
      'e7',
      { childId: CHILD, effectiveDate: '2024-10-01', placementType: 'T3' },
      'Wrong placement type',
    );
    given([...twoT3, ...t3('2024-10-01', '2024-10-05', 'T4')])
      .when(amendment)
      .thenThrows('t3-more-than-two-in-12-months-903-rule-377');
  });
});
