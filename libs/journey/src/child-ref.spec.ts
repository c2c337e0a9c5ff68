import {
  CHILD_REF_RESERVED,
  childRefHolder,
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

  it('name their holder in the first event only when it is a reservation', () => {
    expect(childRefHolder({ type: CHILD_REF_RESERVED, data: { childRef: 'LA-1', childId: 'c-1' } })).toBe(
      'c-1',
    );
    expect(childRefHolder({ type: 'ChildRegistered', data: { childId: 'c-1' } })).toBeUndefined();
  });
});
