/**
 * Rotating the token secret without cutting every token off (review s12-ops F5): the old secret
 * stays as CARE_JOURNEY_JWT_SECRET_PREVIOUS, verify-only, while tokens are re-minted; each token names
 * its key (`kid`), so one whose key is no longer accepted is told so. Real HTTP apps on one SQLite file.
 */
import { JwtService } from '@nestjs/jwt';
import { jwtKeyId, mintToken } from '@care-journey/access';
import { KEY_NO_LONGER_ACCEPTED } from '../../../apps/api/src/auth/token-verifier';
import { apiClient } from '../support/http-client';
import { startCli } from '../support/start-cli';
import { startTestApp, type TestApp } from '../support/test-app';

const OLD = 'old-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
const NEW = 'new-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

const tokenSignedWith = (secret: string) =>
  mintToken({ secret, userId: 'reporting.job', role: 'reporting_job', hours: 720 });
/** A token as minted before tokens carried a `kid`. */
const tokenWithoutKid = (secret: string) =>
  new JwtService().sign(
    { sub: 'reporting.job', name: 'job', role: 'reporting_job', kind: 'api', jti: crypto.randomUUID() },
    { secret, algorithm: 'HS256', issuer: 'care-journey', audience: 'care-journey', expiresIn: 3600 },
  );

describe('rotating CARE_JOURNEY_JWT_SECRET', () => {
  let before: TestApp;
  let during: TestApp;
  let after: TestApp;

  beforeAll(async () => {
    before = await startTestApp({ config: { jwtSecret: OLD } });
    const sqliteFile = before.sqliteFile;
    during = await startTestApp({ sqliteFile, config: { jwtSecret: NEW, previousJwtSecret: OLD } });
    after = await startTestApp({ sqliteFile, config: { jwtSecret: NEW } });
  });
  afterAll(async () => {
    await after.close();
    await during.close();
    await before.close();
  });

  const feed = (app: TestApp, token: string) => apiClient(app.baseUrl).get('/feed', { token });

  it('Given a token minted before the rotation, Then it names its key, and is accepted while the old secret is the previous one', async () => {
    const old = tokenSignedWith(OLD);
    expect(new JwtService().decode(old, { complete: true })).toMatchObject({
      header: { alg: 'HS256', kid: jwtKeyId(OLD) },
    });
    expect(jwtKeyId(OLD)).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect((await feed(before, old)).status).toBe(200);
    expect((await feed(during, old)).status).toBe(200);
    expect((await feed(during, tokenWithoutKid(OLD))).status).toBe(200);
  });

  it('Given the rotation, Then new tokens are signed with the new key, and the previous secret signs nothing', async () => {
    const fresh = tokenSignedWith(NEW);
    expect(new JwtService().decode(fresh, { complete: true })).toMatchObject({
      header: { kid: jwtKeyId(NEW) },
    });
    expect((await feed(during, fresh)).status).toBe(200);
    expect((await feed(after, fresh)).status).toBe(200);
    // The old secret's host refuses new tokens: a rolling restart must finish before re-minting.
    expect((await feed(before, fresh)).body).toMatchObject({ statusCode: 401, reason: 'key-not-accepted' });
  });

  it('Given the previous secret dropped, Then an old token is refused saying its key is no longer accepted; one without a kid as an invalid signature', async () => {
    const refused = await feed(after, tokenSignedWith(OLD));
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ message: KEY_NO_LONGER_ACCEPTED, reason: 'key-not-accepted' });
    expect(KEY_NO_LONGER_ACCEPTED).toContain('signed with a key that is no longer accepted');
    const noKid = await feed(after, tokenWithoutKid(OLD));
    expect(noKid.body).toMatchObject({ statusCode: 401, message: 'Token signature is invalid' });
  });

  it('Given a token claiming the current key but signed with another secret, Then its signature is invalid', async () => {
    const forged = new JwtService().sign(
      { sub: 'mallory', name: 'M', role: 'admin', kind: 'api', jti: crypto.randomUUID() },
      {
        secret: 'mallory-secret-0123456789-abcdefghijklmnopqrstu',
        algorithm: 'HS256',
        issuer: 'care-journey',
        audience: 'care-journey',
        expiresIn: 3600,
        keyid: jwtKeyId(NEW),
      },
    );
    expect((await feed(during, forged)).body).toMatchObject({
      statusCode: 401,
      message: 'Token signature is invalid',
    });
  });

  it.each([
    [NEW, 'is the same as CARE_JOURNEY_JWT_SECRET'],
    ['short-old-secret', 'must be at least 32 characters'],
  ])(
    'Given CARE_JOURNEY_JWT_SECRET_PREVIOUS %s, Then serve refuses naming it',
    async (previous, rule) => {
      const refused = await startCli(['serve', '--create-store'], {
        HOST: '127.0.0.1',
        CARE_JOURNEY_JWT_SECRET: NEW,
        CARE_JOURNEY_JWT_SECRET_PREVIOUS: previous,
        CARE_JOURNEY_SQLITE_FILE: `${before.sqliteFile}.refused.db`,
      });
      expect(refused).toMatchObject({ listening: false, code: 1 });
      expect(refused.out).toContain(`Cannot start: CARE_JOURNEY_JWT_SECRET_PREVIOUS: ${rule}`);
    },
    60_000,
  );
});
