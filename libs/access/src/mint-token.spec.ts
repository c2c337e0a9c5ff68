import { verify, type JwtPayload } from 'jsonwebtoken';
import { API_TOKEN_KIND, JWT_AUDIENCE, JWT_ISSUER } from './jwt-settings';
import { mintToken } from './mint-token';

const SECRET = 'a-secret-long-enough-for-hs256-signing-0123';

describe('mintToken (shared by the API and the CLI)', () => {
  it('Given an API client, When its token is minted, Then it verifies with the issuer, audience and HS256 the API requires, as kind "api" with its id and lifetime', () => {
    const token = mintToken({
      secret: SECRET,
      userId: 'report-job',
      role: 'reporting_job',
      hours: 2,
      tokenId: 't-1',
    });
    const claims = verify(token, SECRET, {
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    }) as JwtPayload;
    expect(claims).toMatchObject({
      sub: 'report-job',
      name: 'report-job',
      role: 'reporting_job',
      kind: API_TOKEN_KIND,
      jti: 't-1',
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(2 * 3600);
  });

  it('Given a web sign-in session, When its token is minted, Then it carries the session id and no kind, dated when it was issued', () => {
    const issuedAt = new Date('2026-11-28T01:00:00.000Z');
    const token = mintToken({
      secret: SECRET,
      userId: 'sam',
      role: 'social_worker',
      sessionId: 's-9',
      issuedAt,
    });
    const claims = verify(token, SECRET, { ignoreExpiration: true }) as JwtPayload;
    expect(claims.jti).toBe('s-9');
    expect(claims.kind).toBeUndefined();
    expect(claims.iat).toBe(issuedAt.getTime() / 1000);
  });
});
