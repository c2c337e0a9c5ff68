import type { AuthenticatedUser } from './authenticated-user';
import { VerifiedTokens } from './verified-tokens';

const user: AuthenticatedUser = { id: 'u1', name: 'Una', role: 'social_worker' };

describe('VerifiedTokens', () => {
  it('knows a remembered token inside its window, nbf ≤ now < exp', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('t', { user }, { nbf: 100, exp: 200 });
    expect(tokens.get('t', 100)?.user).toEqual(user);
    expect(tokens.get('t', 199)?.user).toEqual(user);
    expect(tokens.get('other', 150)).toBeUndefined();
  });

  it('forgets a token at its exp and before its nbf, so the caller verifies it afresh', () => {
    const early = new VerifiedTokens();
    early.remember('t', { user }, { nbf: 100, exp: 200 });
    expect(early.get('t', 99)).toBeUndefined();
    expect(early.get('t', 150)).toBeUndefined(); // dropped at the first miss, not kept for later
    const late = new VerifiedTokens();
    late.remember('t', { user }, { exp: 200 });
    expect(late.get('t', 200)).toBeUndefined();
  });

  it('keeps a token without time claims until it is pushed out', () => {
    const tokens = new VerifiedTokens(2);
    tokens.remember('a', { user }, {});
    tokens.remember('b', { user: { ...user, id: 'u2' } }, {});
    expect(tokens.get('a', 1e12)?.user).toEqual(user);
    tokens.remember('c', { user: { ...user, id: 'u3' } }, {});
    expect(tokens.get('a', 0)).toBeUndefined();
    expect(tokens.get('b', 0)?.user.id).toBe('u2');
    expect(tokens.get('c', 0)?.user.id).toBe('u3');
  });

  it('hands out copies: a caller changing its user does not change the next one', () => {
    const tokens = new VerifiedTokens();
    const given = { ...user };
    tokens.remember('t', { user: given }, {});
    given.name = 'changed by the verifier';
    const first = tokens.get('t', 0)!.user;
    first.name = 'changed by a caller';
    expect(tokens.get('t', 0)?.user).toEqual(user);
  });

  it('keeps the token id and issue time that revocation checks on every hit', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('t', { user, id: 'an-id', issuedAt: 150 }, { exp: 200 });
    expect(tokens.get('t', 160)).toEqual({ user, id: 'an-id', issuedAt: 150 });
  });
});
