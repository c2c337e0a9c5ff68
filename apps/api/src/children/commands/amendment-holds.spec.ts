import { initialState, type JourneyEvent } from '@care-journey/journey';
import { UpnInUse } from '../../child-refs/upn-in-use';
import { ChildRefInUse } from '../application-errors';
import { AmendedChildRefReservation } from './amended-child-ref.reservation';
import { AmendedUpnReservation } from './amended-upn.reservation';
import { AmendmentHolds } from './amendment-holds';

const context = { now: '2025-06-30T10:00:00Z', recordedBy: 'sw', correlationId: 'c', causationId: 'k' };
const events = [{ type: 'EntryAmended', data: {} }] as unknown as JourneyEvent[];
const amendedUpn = { upn: 'A100000000002', childId: 'b' };

/** The two reservations, recording the order they are asked in. */
function reservations(upnCheck: () => Promise<typeof amendedUpn | undefined>, refHeldByAnother = false) {
  const calls: string[] = [];
  const childRefs = {
    refuseIfHeldByAnother: jest.fn(async () => {
      calls.push('ref read');
      if (refHeldByAnother) throw new ChildRefInUse('LA-1', 'amendedData.childRef');
    }),
    reserve: jest.fn(async () => void calls.push('ref reserve')),
  };
  const upns = {
    check: jest.fn(async () => {
      calls.push('upn read');
      return upnCheck();
    }),
    hold: jest.fn(async () => void calls.push('upn hold')),
  };
  const holds = new AmendmentHolds(
    childRefs as unknown as AmendedChildRefReservation,
    upns as unknown as AmendedUpnReservation,
  );
  return { calls, holds };
}

describe('AmendmentHolds: an amendment’s 903 reference and UPN are held before its append', () => {
  it('Given a free amended UPN, When held, Then it is checked read-only first, then the reference reserved, then the UPN', async () => {
    const { calls, holds } = reservations(async () => amendedUpn);
    await holds.hold(events, initialState, context);
    expect(calls).toEqual(['upn read', 'ref reserve', 'upn hold']);
  });

  it('Given no amended UPN, When held, Then only the reference is reserved', async () => {
    const { calls, holds } = reservations(async () => undefined);
    await holds.hold(events, initialState, context);
    expect(calls).toEqual(['upn read', 'ref reserve']);
  });

  it('Given another child holds the amended UPN, When held, Then upn-in-use and nothing is reserved', async () => {
    const { calls, holds } = reservations(() => Promise.reject(new UpnInUse('amendedData.upn')));
    await expect(holds.hold(events, initialState, context)).rejects.toThrow(UpnInUse);
    expect(calls).toEqual(['upn read', 'ref read']);
  });

  it('Given another child holds both the amended UPN and reference, When held, Then the reference is named first and nothing is reserved', async () => {
    const { calls, holds } = reservations(() => Promise.reject(new UpnInUse('amendedData.upn')), true);
    await expect(holds.hold(events, initialState, context)).rejects.toThrow(ChildRefInUse);
    expect(calls).toEqual(['upn read', 'ref read']);
  });

  it('Given no reservations (a handler built outside Nest), When an ordinary command is held, Then nothing is refused', async () => {
    const review = [{ type: 'StatutoryReviewHeld', data: { childId: 'b' } }] as unknown as JourneyEvent[];
    const none = new AmendmentHolds(
      AmendedChildRefReservation.unavailable(),
      AmendedUpnReservation.unavailable(),
    );
    await expect(none.hold(review, initialState, context)).resolves.toBeUndefined();
  });
});
