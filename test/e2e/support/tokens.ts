import { JwtService } from '@nestjs/jwt';
import { mintToken, type Role } from '@care-journey/access';

export const TEST_JWT_SECRET = 'e2e-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

/** A valid token for a role, signed with the test app's secret. */
export const tokenFor = (role: Role, userId = `${role}-user`): string =>
  mintToken({ secret: TEST_JWT_SECRET, userId, role, name: `Test ${role}` });

const sign = (claims: object, options: { secret?: string; audience?: string; issuer?: string }) =>
  new JwtService().sign(
    { exp: Math.floor(Date.now() / 1000) + 3600, ...claims },
    {
      secret: options.secret ?? TEST_JWT_SECRET,
      algorithm: 'HS256',
      issuer: options.issuer ?? 'care-journey',
      audience: options.audience ?? 'care-journey',
    },
  );

const claims = { sub: 'mallory', name: 'Mallory', role: 'admin' };

/** Tokens that must each be refused with 401. */
export const badTokens = {
  expired: () => sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, {}),
  wrongSignature: () => sign(claims, { secret: 'some-other-secret-0123456789-abcdefghijklmnop' }),
  wrongAudience: () => sign(claims, { audience: 'somebody-else' }),
  wrongIssuer: () => sign(claims, { issuer: 'somebody-else' }),
  unknownRole: () => sign({ ...claims, role: 'superuser' }, {}),
  garbage: () => 'not.a.token',
  // Review D9: a token must expire, and within the longest lifetime (720 hours).
  noExpiry: () =>
    new JwtService().sign(claims, {
      secret: TEST_JWT_SECRET,
      algorithm: 'HS256',
      issuer: 'care-journey',
      audience: 'care-journey',
    }),
  tooLong: () => sign({ ...claims, exp: Math.floor(Date.now() / 1000) + 721 * 3600 }, {}),
};
