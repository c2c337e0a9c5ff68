import type { ChangeLegalStatus, JourneyCommand } from '../commands';
import { DomainRuleViolation } from '../errors';
import { amendEntry, retractEntry } from '../testing/correction-commands';
import { given } from '../testing/decider-specification';
import { CHILD, inCare, legalStatusChanged, meta, step } from '../testing/fixtures';

/**
 * Review F1/F2: the refusals around the placement order name the forms a worker uses and say what
 * to do. The final hearing often makes the care order (C2) and the placement order on one day.
 */
const placementOrder = (effectiveDate: string): JourneyCommand => ({
  type: 'GrantPlacementOrder',
  childId: CHILD,
  effectiveDate,
  ...meta(),
});
const toLegalStatus = (effectiveDate: string, legalStatus: string): ChangeLegalStatus => ({
  type: 'ChangeLegalStatus',
  childId: CHILD,
  effectiveDate,
  legalStatus,
  ...meta(),
});
const messageOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
};

// e3: the ADM decision on 15 July; e4: C2 on 24 November (the final hearing).
const decided = [...inCare, step('AdoptionDecisionMade', '2024-07-15')];
const c2AtHearing = [...decided, legalStatusChanged('2024-11-24', 'C2')];

describe('the placement order made at the hearing that made the care order', () => {
  it('Given C2 recorded for the day of the hearing, When the placement order is recorded that day, Then it is refused saying to withdraw the C2 entry and record only the order', () => {
    given(c2AtHearing).when(placementOrder('2024-11-24')).thenThrows('episode-same-day', 'effectiveDate');
    expect(messageOf(() => given(c2AtHearing).when(placementOrder('2024-11-24')).events())).toBe(
      'A legal status (C2) was recorded on the same day (24 November 2024): when the court made both orders at one hearing, withdraw that legal status entry and record only the placement order (E1).',
    );
  });

  it('Given that advice followed (the C2 entry withdrawn), When the placement order is recorded that day, Then it is accepted', () => {
    const withdrawn = given(c2AtHearing).when(retractEntry('e4', 'Both orders made at one hearing')).events();
    const after = [
      ...c2AtHearing,
      ...withdrawn.map((e, i) => ({
        ...e,
        id: `w${i}`,
        recordedAt: '2024-11-25T09:00:00Z',
        recordedBy: 'sw',
      })),
    ];
    expect(
      given(after as never)
        .when(placementOrder('2024-11-24'))
        .events()
        .map((e) => e.type),
    ).toEqual(['PlacementOrderGranted']);
  });

  it('Given care started on the day of the hearing (its legal status with it), When the placement order is recorded that day, Then the general same-day refusal applies, not the advice to withdraw a legal status entry', () => {
    const startedThatDay = [
      ...inCare.slice(0, 1),
      { ...inCare[1], data: { ...inCare[1].data, effectiveDate: '2024-11-24' } },
      step('AdoptionDecisionMade', '2024-11-24'),
    ];
    expect(
      messageOf(() =>
        given(startedThatDay as never)
          .when(placementOrder('2024-11-24'))
          .events(),
      ),
    ).toMatch(/cannot start and end on the same day\. Withdraw or correct that entry\.$/);
  });

  it('Given any other same-day clash, When refused, Then it says to withdraw or correct that entry', () =>
    expect(messageOf(() => given(c2AtHearing).when(toLegalStatus('2024-11-24', 'C1')).events())).toMatch(
      /cannot start and end on the same day\. Withdraw or correct that entry\.$/,
    ));
});

describe('E1 through a legal status change', () => {
  it('Given an ADM decision, When E1 is sent as a legal status change, Then the refusal names the placement order form and the API route, not a command', () => {
    const message = messageOf(() => given(decided).when(toLegalStatus('2024-11-24', 'E1')).events());
    expect(message).toContain(
      'record it as “Adoption: placement order granted” once the ADM decision is recorded',
    );
    expect(message).toContain('POST /children/:id/adoption/placement-order');
    expect(message).not.toContain('GrantPlacementOrder');
  });

  it('Given a C2 entry, When it is corrected to E1, Then the refusal says the same', () =>
    expect(
      messageOf(() =>
        given(c2AtHearing)
          .when(amendEntry('e4', { legalStatus: 'E1' }))
          .events(),
      ),
    ).toContain('“Adoption: placement order granted”'));
});
