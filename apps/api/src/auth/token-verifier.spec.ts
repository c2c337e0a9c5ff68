import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { ApiConfig } from '../config/api-config';
import { mintToken, type Role } from '@care-journey/access';
import { RevokedTokens } from './revocation/revoked-tokens';
import type { SessionUsers } from './session-users';
import { TOKEN_ACCESS_CHANGED, TokenHolders } from './token-holders';
import { TOKEN_REVOKED, TokenVerifier } from './token-verifier';

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

  it('Given a token issued in the future beyond a minute of clock skew, Then it is refused saying so; within the minute it is accepted', () => {
    expect(() => verifier().verify(signed({ iat: now() + 3600, exp: now() + 7200 }))).toThrow(
      new UnauthorizedException(
        "Token was issued in the future (iat more than 60 s ahead of this server's clock)",
      ),
    );
    expect(verifier().verify(signed({ iat: now() + 30, exp: now() + 3600 })).id).toBe('u1');
  });

  it('Given a sign-in session token (jti) longer than 8 hours, Then it is refused', () => {
    const sessionId = '0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e47';
    expect(() =>
      verifier().verify(mintToken({ secret, userId: 'u1', role: 'auditor', hours: 9, sessionId })),
    ).toThrow(new UnauthorizedException('Token lives longer than the 8 hours a sign-in session may'));
    const t0 = now();
    const issuedAt = new Date(t0 * 1000);
    expect(
      verifier().verify(mintToken({ secret, userId: 'u1', role: 'auditor', hours: 8, sessionId, issuedAt })),
    ).toEqual({
      id: 'u1',
      name: 'u1',
      role: 'auditor',
      sessionId,
      sessionTimes: { signedInAt: t0, endsAt: t0 + 8 * 3600 },
    });
  });

  it('Given a session extended since sign-in (iat kept), Then it lives up to 24 hours from sign-in, never more than 8 ahead', () => {
    const sessionId = '0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e47';
    const t0 = now() - 20 * 3600;
    const signedInAt = new Date(t0 * 1000);
    const session = (hours: number) =>
      mintToken({ secret, userId: 'u1', role: 'auditor', hours, sessionId, issuedAt: signedInAt });
    // 24 hours from sign-in: 4 from now.
    expect(verifier().verify(session(24)).sessionTimes).toEqual({
      signedInAt: t0,
      endsAt: t0 + 24 * 3600,
    });
    expect(() => verifier().verify(session(25))).toThrow(
      new UnauthorizedException('Token lives longer than the 24 hours from sign-in a sign-in session may'),
    );
    // An API token is still held to its lifetime from iat.
    expect(() =>
      verifier().verify(
        mintToken({ secret, userId: 'u1', role: 'auditor', hours: 721, issuedAt: signedInAt }),
      ),
    ).toThrow(new UnauthorizedException('Token lives longer than the 720 hours a token may'));
  });
});

describe('TokenVerifier: revocable tokens', () => {
  let dir: string;
  let file: string;
  const quiet = { error: jest.fn(), log: jest.fn() };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-verifier-revoked-'));
    file = join(dir, 'revoked');
    writeFileSync(file, '');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const revokedFrom = (text: string) => {
    const revoked = new RevokedTokens(file, quiet);
    writeFileSync(`${file}.new`, text);
    renameSync(`${file}.new`, file);
    revoked.lookNow();
    return revoked;
  };
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return {
        status: (error as UnauthorizedException).getStatus(),
        body: (error as UnauthorizedException).getResponse(),
      };
    }
    return undefined;
  };

  it('Given the CLI’s token, Then it carries an id (jti), its issue time and kind "api", and is no session', () => {
    const token = mintToken({ secret, userId: 'u1', role: 'auditor' });
    const claims = new JwtService().decode<Record<string, unknown>>(token);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof claims.iat).toBe('number');
    expect(claims.kind).toBe('api');
    expect(new TokenVerifier({ jwtSecret: secret } as ApiConfig).verify(token)).toEqual({
      id: 'u1',
      name: 'u1',
      role: 'auditor',
    });
  });

  it('Given a token whose id is revoked, When it is sent (kept from before or not), Then 401 token-revoked, saying nothing else', () => {
    const tokenId = '0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e47';
    const token = mintToken({ secret, userId: 'u1', role: 'auditor', tokenId });
    const revoked = new RevokedTokens(file, quiet);
    const verifier = new TokenVerifier({ jwtSecret: secret } as ApiConfig, revoked);
    expect(verifier.verify(token).id).toBe('u1'); // now kept by the verifier
    writeFileSync(`${file}.new`, `id ${tokenId}\n`);
    renameSync(`${file}.new`, file);
    revoked.lookNow();
    expect(refusal(() => verifier.verify(token))).toEqual({
      status: 401,
      body: { message: TOKEN_REVOKED, reason: 'token-revoked' },
    });
    expect(JSON.stringify(refusal(() => verifier.verify(token)))).not.toContain(tokenId);
    // Another token of the same user still works.
    expect(verifier.verify(mintToken({ secret, userId: 'u1', role: 'auditor' })).id).toBe('u1');
  });

  it('Given a user cut-off, Then their tokens issued before it are refused and one issued after works; sessions too', () => {
    const verifier = new TokenVerifier(
      { jwtSecret: secret } as ApiConfig,
      revokedFrom(`user U1 before ${new Date(Date.now() - 60_000).toISOString()}\n`),
    );
    const old = mintToken({
      secret,
      userId: 'u1',
      role: 'auditor',
      issuedAt: new Date(Date.now() - 120_000),
    });
    const oldSession = mintToken({
      secret,
      userId: 'u1',
      role: 'auditor',
      sessionId: '6c0f3d1e-2b4a-4f8e-9a7b-1c2d3e4f5a6b',
      issuedAt: new Date(Date.now() - 120_000),
    });
    expect(refusal(() => verifier.verify(old))?.body).toMatchObject({ reason: 'token-revoked' });
    expect(refusal(() => verifier.verify(oldSession))?.body).toMatchObject({ reason: 'token-revoked' });
    expect(verifier.verify(mintToken({ secret, userId: 'u1', role: 'auditor' })).id).toBe('u1');
    expect(
      verifier.verify(
        mintToken({ secret, userId: 'u2', role: 'auditor', issuedAt: new Date(0 + Date.now() - 120_000) }),
      ).id,
    ).toBe('u2');
  });

  it('Given a token of an unknown kind, or an API token without an id, Then 401 saying so', () => {
    const verifier = new TokenVerifier({ jwtSecret: secret } as ApiConfig);
    const signed = (claims: object) =>
      new JwtService().sign(
        { sub: 'u1', name: 'Ann', role: 'auditor', exp: Math.floor(Date.now() / 1000) + 60, ...claims },
        { secret, algorithm: 'HS256', issuer: 'care-journey', audience: 'care-journey' },
      );
    expect(() => verifier.verify(signed({ kind: 'root' }))).toThrow(
      new UnauthorizedException('Token kind "root" is not known'),
    );
    expect(() => verifier.verify(signed({ kind: 'api' }))).toThrow(
      new UnauthorizedException('Token has no id (jti): an API token must carry one'),
    );
    expect(() => verifier.verify(signed({ kind: 'api', jti: 'x' }))).toThrow(
      new UnauthorizedException('Token id (jti) is malformed'),
    );
    // Minted before tokens had ids: still accepted until it expires (revocable by user).
    expect(verifier.verify(signed({})).id).toBe('u1');
  });

  it('Given a users file, Then an API token works only while its user is there with its role; sessions are left to the guard', () => {
    const directory = new Map<string, Role>([['u1', 'auditor']]);
    const users: SessionUsers = { currentRole: (id) => directory.get(id.toLowerCase()) };
    const verifier = new TokenVerifier(
      { jwtSecret: secret } as ApiConfig,
      undefined,
      new TokenHolders(users),
    );
    expect(verifier.verify(mintToken({ secret, userId: 'U1', role: 'auditor' })).id).toBe('U1');
    expect(refusal(() => verifier.verify(mintToken({ secret, userId: 'u1', role: 'admin' })))).toEqual({
      status: 401,
      body: { message: TOKEN_ACCESS_CHANGED, reason: 'access-changed' },
    });
    expect(
      refusal(() => verifier.verify(mintToken({ secret, userId: 'stranger', role: 'auditor' })))?.status,
    ).toBe(401);
    const session = mintToken({
      secret,
      userId: 'u9',
      role: 'admin',
      sessionId: '6c0f3d1e-2b4a-4f8e-9a7b-1c2d3e4f5a6b',
    });
    expect(verifier.verify(session).sessionId).toBe('6c0f3d1e-2b4a-4f8e-9a7b-1c2d3e4f5a6b');
  });
});
