/**
 * A legal status change while the child is away in a temporary placement (T0–T4), or on the day of the
 * return, has no 903 return: the T0–T4 episode must start with RNE P or B (validator rule 380) and the
 * episode after it must be RNE P back to the same placement (383), which 435 refuses with a new legal
 * status. National definitions §1.3: "the child must then return to the previous placement (next
 * episode RNE P, same PLACE as before)" [V 380, 381, 382, 383].
 */
import type { ChangeLegalStatus, GrantPlacementOrder, StartTemporaryPlacement } from '../commands';
import type { JourneyEvent } from '../events';
import { given } from '../testing/decider-specification';
import { CHILD, inCare, legalStatusChanged, meta, step } from '../testing/fixtures';

const change = (effectiveDate: string, legalStatus = 'C2'): ChangeLegalStatus => ({
  type: 'ChangeLegalStatus',
  childId: CHILD,
  effectiveDate,
  legalStatus,
  ...meta(),
});
const away: JourneyEvent = {
  type: 'TemporaryPlacementStarted',
  data: { childId: CHILD, effectiveDate: '2024-06-01', placementType: 'T1' },
};
const back = step('TemporaryPlacementEnded', '2024-06-20');

describe('a legal status change and a temporary placement (903 rules 380, 383)', () => {
  it('Given a child in hospital (T1) since 1 June, When the legal status changes on 10 June, Then it is refused, naming the rules and what to do', () => {
    const outcome = given([...inCare, away]).when(change('2024-06-10'));
    outcome.thenThrows('legal-status-during-temporary-placement', 'effectiveDate');
    expect(outcome.events).toThrow(/T1.*2024-06-01.*380.*383/);
  });

  it('Given a child back from T1 on 20 June, When the legal status changes that day, Then it is refused (the return must be RNE P)', () =>
    given([...inCare, away, back])
      .when(change('2024-06-20'))
      .thenThrows('legal-status-during-temporary-placement', 'effectiveDate'));

  it('Given a child back from T1 on 20 June, When the change is dated 10 June (late entry), Then it is refused too', () =>
    given([...inCare, away, back])
      .when(change('2024-06-10'))
      .thenThrows('legal-status-during-temporary-placement', 'effectiveDate'));

  it('Given a child who went into T1 on 1 June, When the legal status changes that same day, Then it is recorded (one RNE B episode, valid for 380)', () =>
    given([...inCare, away])
      .when(change('2024-06-01'))
      .then([legalStatusChanged('2024-06-01', 'C2')]));

  it('Given a child back from T1 on 20 June, When the legal status changes on 21 June, Then it is recorded', () =>
    given([...inCare, away, back])
      .when(change('2024-06-21'))
      .then([legalStatusChanged('2024-06-21', 'C2')]));

  it('Given a child in T1 under an adoption decision, When a placement order (E1) is granted during the stay, Then it is refused the same way', () => {
    const order: GrantPlacementOrder = {
      type: 'GrantPlacementOrder',
      childId: CHILD,
      effectiveDate: '2024-06-10',
      ...meta(),
    };
    given([...inCare, step('AdoptionDecisionMade', '2024-05-20'), away])
      .when(order)
      .thenThrows('legal-status-during-temporary-placement', 'effectiveDate');
  });

  it('Given a legal status change on 10 June, When a temporary placement is recorded late from 1 June, Then it is refused (it would hold the change)', () => {
    const start: StartTemporaryPlacement = {
      type: 'StartTemporaryPlacement',
      childId: CHILD,
      effectiveDate: '2024-06-01',
      placementType: 'T1',
      ...meta(),
    };
    given([...inCare, legalStatusChanged('2024-06-10', 'C2')])
      .when(start)
      .thenThrows('temporary-placement-over-legal-status-change', 'effectiveDate');
  });
});
