import {
  CHILD_REF_RESERVED,
  CHILD_REF_RELEASED,
  childRefHolding,
  childRefProblem,
  childRefStream,
  JOURNEY_STREAM_PREFIX,
  normaliseChildRef,
  registrationIn,
} from './index';

describe('903 child references', () => {
  it('are compared as the DfE validator compares CHILD: upper-cased, without surrounding spaces', () => {
    expect(normaliseChildRef(' c100529 ')).toBe('C100529');
    expect(childRefStream('la-000123')).toBe(childRefStream('LA-000123'));
  });

  it('live in streams no journey reader takes for a child', () =>
    expect(childRefStream('journey-1').startsWith(JOURNEY_STREAM_PREFIX)).toBe(false));

  it('Given decided events, When they register a child, Then its reference and id are found', () => {
    const registered = { type: 'ChildRegistered', data: { childId: 'c-1', childRef: 'LA-1', name: 'Sam' } };
    expect(registrationIn([registered])).toEqual({ childRef: 'LA-1', childId: 'c-1' });
    expect(registrationIn([{ type: 'AllocationChanged', data: { childId: 'c-1' } }])).toBeUndefined();
  });

  it('are held by the child their latest reservation names, and free after a release', () => {
    expect(childRefHolding({ type: CHILD_REF_RESERVED, data: { childRef: 'LA-1', childId: 'c-1' } })).toEqual(
      {
        held: true,
        childId: 'c-1',
      },
    );
    expect(
      childRefHolding({ type: CHILD_REF_RELEASED, data: { childRef: 'LA-1', childId: 'c-1', reason: 'r' } }),
    ).toEqual({ held: false, releasedFrom: 'c-1' });
    expect(childRefHolding({ type: 'ChildRegistered', data: { childId: 'c-1' } })).toBeUndefined();
  });

  it('are 1–10 characters once surrounding spaces are dropped (903 CHILD)', () => {
    expect(childRefProblem(' LA-1 ')).toBeUndefined();
    expect(childRefProblem('ABCDEFGHIJ')).toBeUndefined();
    expect(childRefProblem('ABCDEFGHIJK')).toMatch(/at most 10 characters/);
    expect(childRefProblem('   ')).toMatch(/non-empty/);
    expect(childRefProblem(undefined)).toMatch(/non-empty/);
  });
});
