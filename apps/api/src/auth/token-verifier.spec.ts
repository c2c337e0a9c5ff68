import { UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { ApiConfig } from '../config/api-config';
import { mintToken } from './mint-token';
import { TokenVerifier } from './token-verifier';

const secret = 'verifier-spec-secret-0123456789abcdefghij';

describe('TokenVerifier, with the tokens it has verified kept', () => {
  afterEach(() => jest.useRealTimers());

  it('answers the same user for a token sent again', () => {
    const verifier = new TokenVerifier({ jwtSecret: secret } as ApiConfig);
    const token = mintToken({ secret, userId: 'u1', role: 'auditor', name: 'Ann' });
    const expected = { id: 'u1', name: 'Ann', role: 'auditor' };
    expect(verifier.verify(token)).toEqual(expected);
    expect(verifier.verify(token)).toEqual(expected);
  });

  it('refuses a kept token once it has expired, with the verifier’s own message', () => {
    jest.useFakeTimers({ now: new Date('2026-01-05T09:00:00Z') });
    const verifier = new TokenVerifier({ jwtSecret: secret } as ApiConfig);
    const token = mintToken({ secret, userId: 'u1', role: 'auditor', hours: 1 });
    expect(verifier.verify(token).id).toBe('u1');
    jest.setSystemTime(new Date('2026-01-05T10:00:01Z'));
    expect(() => verifier.verify(token)).toThrow(new UnauthorizedException('Token has expired'));
  });

  it('still refuses a token whose signature differs from one it kept', () => {
    const verifier = new TokenVerifier({ jwtSecret: secret } as ApiConfig);
    const token = mintToken({ secret, userId: 'u1', role: 'auditor' });
    verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(() => verifier.verify(forged)).toThrow(UnauthorizedException);
  });
});

describe('TokenVerifier: every token expires, within the longest lifetime allowed (review D9)', () => {
  const verifier = () => new TokenVerifier({ jwtSecret: secret } as ApiConfig);
  const signed = (claims: object) =>
    new JwtService().sign(
      { sub: 'u1', name: 'Ann', role: 'auditor', ...claims },
      { secret, algorithm: 'HS256', issuer: 'care-journey', audience: 'care-journey' },
    );
  const now = () => Math.floor(Date.now() / 1000);

  it('Given a token without exp, Then it is refused, saying every token must expire', () => {
    expect(() => verifier().verify(signed({}))).toThrow(
      new UnauthorizedException('Token has no expiry (exp): every token must expire'),
    );
  });

  it('Given a token that lives longer than 720 hours, Then it is refused; 720 hours is accepted', () => {
    expect(() => verifier().verify(signed({ exp: now() + 721 * 3600 }))).toThrow(
      new UnauthorizedException('Token lives longer than the 720 hours a token may'),
    );
    // Issued long ago with a far expiry: its lifetime counts, not only what is left of it.
    expect(() => verifier().verify(signed({ iat: now() - 2 * 3600, exp: now() + 719 * 3600 }))).toThrow(
      UnauthorizedException,
    );
    expect(verifier().verify(mintToken({ secret, userId: 'u1', role: 'auditor', hours: 720 })).id).toBe('u1');
  });

  it('Given a sign-in session token (jti) longer than 8 hours, Then it is refused', () => {
    const sessionId = '0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e47';
    expect(() =>
      verifier().verify(mintToken({ secret, userId: 'u1', role: 'auditor', hours: 9, sessionId })),
    ).toThrow(new UnauthorizedException('Token lives longer than the 8 hours a sign-in session may'));
    expect(
      verifier().verify(mintToken({ secret, userId: 'u1', role: 'auditor', hours: 8, sessionId })),
    ).toEqual({ id: 'u1', name: 'u1', role: 'auditor', sessionId });
  });
});
