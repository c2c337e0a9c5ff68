import { extendSession, mayExtend } from './session-extension';

const HOUR = 3600;
const signedInAt = 1_800_000_000;
const EIGHT_HOURS = 8 * HOUR;

describe('extendSession ("Stay signed in")', () => {
  it('Given a session 7h57m into its 8 hours, When extended, Then it ends a full 8 hours from now and can be extended again', () => {
    const now = signedInAt + 7 * HOUR + 57 * 60;
    expect(extendSession({ signedInAt, endsAt: signedInAt + EIGHT_HOURS }, now, EIGHT_HOURS)).toEqual({
      endsAt: now + EIGHT_HOURS,
      limit: signedInAt + 24 * HOUR,
      canExtendAgain: true,
      extended: true,
    });
  });

  it('Given a session with more than 10 minutes left, When asked to extend, Then it is left as it is (nothing to write); with 10 minutes left, it is extended', () => {
    const endsAt = signedInAt + EIGHT_HOURS;
    expect(extendSession({ signedInAt, endsAt }, endsAt - 10 * 60 - 1, EIGHT_HOURS)).toEqual({
      endsAt,
      limit: signedInAt + 24 * HOUR,
      canExtendAgain: true,
      extended: false,
    });
    expect(extendSession({ signedInAt, endsAt }, endsAt - 10 * 60, EIGHT_HOURS)).toMatchObject({
      endsAt: endsAt - 10 * 60 + EIGHT_HOURS,
      extended: true,
    });
  });

  it('Given a session whose next 8 hours would pass 24 hours from sign-in, When extended, Then it ends at the 24th hour and cannot be extended again', () => {
    const now = signedInAt + 20 * HOUR;
    expect(extendSession({ signedInAt, endsAt: now + 3 * 60 }, now, EIGHT_HOURS)).toEqual({
      endsAt: signedInAt + 24 * HOUR,
      limit: signedInAt + 24 * HOUR,
      canExtendAgain: false,
      extended: true,
    });
    expect(mayExtend({ signedInAt, endsAt: signedInAt + 24 * HOUR })).toBe(false);
    expect(mayExtend({ signedInAt, endsAt: signedInAt + 24 * HOUR - 1 })).toBe(true);
  });

  it('Given a session already at 24 hours from sign-in, When extended, Then it is refused naming the limit and when it ends', () => {
    const result = extendSession(
      { signedInAt, endsAt: signedInAt + 24 * HOUR },
      signedInAt + 23 * HOUR,
      EIGHT_HOURS,
    );
    expect(result).toEqual({
      refused:
        'This session cannot be extended: a sign-in lasts at most 24 hours, and this one has reached it ' +
        `(it ends at ${new Date((signedInAt + 24 * HOUR) * 1000).toISOString()}). Sign in again to go on`,
      reason: 'session-limit',
    });
  });

  it('Given a session token without a sign-in time, When extended, Then it is refused', () => {
    expect(extendSession({ endsAt: signedInAt + HOUR }, signedInAt, EIGHT_HOURS)).toMatchObject({
      reason: 'no-sign-in-time',
    });
    expect(mayExtend({ endsAt: signedInAt + HOUR })).toBe(false);
  });

  it('Given a session ending in 5 minutes, When extended with a shorter stretch (2 minutes), Then its end does not move earlier and nothing is extended', () => {
    const now = signedInAt + HOUR;
    const endsAt = now + 5 * 60;
    expect(extendSession({ signedInAt, endsAt }, now, 120)).toMatchObject({ endsAt, extended: false });
  });
});
