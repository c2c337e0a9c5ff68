import type { ChangePlacement } from '../commands';
import { DomainRuleViolation } from '../errors';
import { given } from '../testing/decider-specification';
import { CHILD, inCare, meta } from '../testing/fixtures';

const moveTo = (placementType: string): ChangePlacement => ({
  type: 'ChangePlacement',
  childId: CHILD,
  effectiveDate: '2024-09-01',
  placement: { placementType },
  reasonForChange: 'CARPL',
  sameCarer: false,
  ...meta(),
});

const refusal = (placementType: string): DomainRuleViolation => {
  try {
    given(inCare).when(moveTo(placementType)).events();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error;
    throw error;
  }
  throw new Error(`${placementType} was not refused`);
};

describe('the refusal of a temporary placement recorded as a placement change', () => {
  it('Given a child in care, When a move to T2 is recorded as a placement change, Then the refusal tells a form user to record it as a temporary placement, in words with no API command (the rule id stays machine-readable)', () => {
    const error = refusal('T2');
    expect(error.rule).toBe('temporary-placement-via-change');
    expect(error.field).toBe('placement.placementType');
    expect(error.message).toMatch(/^T2 is a temporary placement: record it as a temporary placement\b/);
    expect(error.message).not.toMatch(/API|StartTemporaryPlacement/);
  });
});
