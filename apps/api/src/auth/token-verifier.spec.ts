import { UnauthorizedException } from '@nestjs/common';
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
