import type { ChangePlacement } from '../commands';
import { DomainRuleViolation } from '../errors';
import { amendEntry } from '../testing/correction-commands';
import { given } from '../testing/decider-specification';
import { CHILD, fosterU4, inCare, meta, placementChanged } from '../testing/fixtures';

/**
 * National definitions §1.3 (REASON_PLACE_CHANGE: PLACE is a change in status of the placement only,
 * same carer) and §3 (a placement follows the carer): the reason and the same-carer answer agree.
 */
const change = (reasonForChange: string, sameCarer: boolean): ChangePlacement => ({
  type: 'ChangePlacement',
  childId: CHILD,
  effectiveDate: '2024-09-01',
  placement: fosterU4,
  reasonForChange,
  sameCarer,
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

describe('ChangePlacement: the reason for the change agrees with the same-carer answer', () => {
  it('Given a child in foster care, When the change is PLACE with a new carer, Then it is refused on reasonForChange', () =>
    given(inCare)
      .when(change('PLACE', false))
      .thenThrows('place-reason-means-same-carer', 'reasonForChange'));

  it.each(['CREQB', 'CREQO', 'CLOSE', 'APPRR', 'ALLEG', 'STAND', 'CHILD'])(
    'Given a child in foster care, When the reason %s (the child leaves the carer) comes with the same carer, Then it is refused on reasonForChange',
    (reason) =>
      given(inCare).when(change(reason, true)).thenThrows('reason-ends-the-carer', 'reasonForChange'),
  );

  it('Given CREQB with the same carer, When refused, Then the message says what the reason means and what to answer', () => {
    const message = messageOf(() => given(inCare).when(change('CREQB', true)).events());
    expect(message).toContain('means the child leaves this carer');
    expect(message).toContain('answer No to ‘same carer’, or choose PLACE');
  });

  it.each([
    ['PLACE', true],
    ['CREQB', false],
    ['CARPL', true],
    ['CARPL', false],
    ['OTHER', true],
    ['OTHER', false],
    ['LAREQ', true],
    ['LAREQ', false],
  ] as const)(
    'Given a child in foster care, When the reason is %s and same carer %s, Then the change is recorded',
    (reason, same) =>
      given(inCare)
        .when(change(reason, same))
        .then([placementChanged('2024-09-01', fosterU4, reason, same)]),
  );
});

describe('AmendEntry of a placement change: either field amended is checked against the other', () => {
  // e3: CREQB, a new carer.
  const moved = [...inCare, placementChanged('2024-09-01', fosterU4, 'CREQB', false)];

  it('Given a CREQB move to a new carer, When sameCarer is amended to true, Then it is refused', () =>
    given(moved)
      .when(amendEntry('e3', { sameCarer: true }))
      .thenThrows('reason-ends-the-carer', 'amendedData.sameCarer'));

  it('Given a CREQB move to a new carer, When the reason is amended to PLACE, Then it is refused on the reason', () =>
    given(moved)
      .when(amendEntry('e3', { reasonForChange: 'PLACE' }))
      .thenThrows('place-reason-means-same-carer', 'amendedData.reasonForChange'));

  it('Given a CREQB move to a new carer, When both are amended to PLACE and same carer, Then the correction is recorded', () =>
    expect(
      given(moved)
        .when(amendEntry('e3', { reasonForChange: 'PLACE', sameCarer: true }))
        .events()
        .map((e) => e.type),
    ).toEqual(['EntryAmended']));
});
