import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { mintToken, newTokenId } from '@care-journey/access';
import { recordSignedIn, recordTokenIssued } from '@care-journey/audit';
import { createEventStore, type EventStore } from '@care-journey/event-store';
import type { ApiConfig } from '../../config/api-config';
import { newSessionId } from '../session-ends';
import { TokenHolders } from '../token-holders';
import { RevokedTokens } from '../revocation/revoked-tokens';
import { TOKEN_NOT_RECORDED, TokenVerifier } from '../token-verifier';
import { RecordedTokens } from './recorded-tokens';

const secret = 'recorded-verifier-spec-secret-0123456789';
const config = { jwtSecret: secret } as ApiConfig;

describe('TokenVerifier with CARE_JOURNEY_TOKENS=recorded: only tokens in tokens-issued', () => {
  let dir: string;
  let store: EventStore;
  let recorded: RecordedTokens;
  let verifier: TokenVerifier;
  let warn: jest.SpyInstance;

  const issue = async (tokenId = newTokenId()): Promise<string> => {
    await recordTokenIssued(store, {
      tokenId,
      userId: 'report.job',
      role: 'reporting_job',
      issuedAt: '2026-11-28T10:00:00Z',
      expiresAt: '2026-11-28T18:00:00Z',
      keyId: 'k1',
      operator: { osUser: 'ops', host: 'host-1' },
    });
    return mintToken({ secret, userId: 'report.job', role: 'reporting_job', tokenId });
  };
  const refusal = new UnauthorizedException({ message: TOKEN_NOT_RECORDED, reason: 'token-not-recorded' });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'recorded-verifier-'));
    store = await createEventStore({ kind: 'sqlite', file: join(dir, 'journeys.db'), synchronous: 'NORMAL' });
    recorded = new RecordedTokens(store, 0);
    verifier = new TokenVerifier(config, new RevokedTokens(undefined), new TokenHolders(undefined), recorded);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    warn.mockRestore();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given a token recorded after the API started, When it is first sent, Then it is accepted after a catch-up read; sent again, Then it is accepted at once, without a read', async () => {
    const token = await issue();
    const first = verifier.authenticate(token);
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toEqual({ id: 'report.job', name: 'report.job', role: 'reporting_job' });

    const catchUp = jest.spyOn(recorded, 'catchUp');
    const again = verifier.authenticate(token);
    expect(again).not.toBeInstanceOf(Promise);
    expect(again).toEqual({ id: 'report.job', name: 'report.job', role: 'reporting_job' });
    expect(catchUp).not.toHaveBeenCalled();
  });

  it('Given a token signed with the secret but never recorded, When it is sent twice, Then both are 401 token-not-recorded and the server logs it once', async () => {
    const forged = mintToken({ secret, userId: 'admin.by.hand', role: 'admin' });
    await expect(verifier.authenticate(forged)).rejects.toEqual(refusal);
    await expect(verifier.authenticate(forged)).rejects.toEqual(refusal);
    const jti = new JwtService().decode<{ jti: string }>(forged).jti;
    const logged = warn.mock.calls.filter(([line]) => String(line).includes(jti));
    expect(logged).toHaveLength(1);
    expect(logged[0][0]).toContain(
      'Refused a token not in the record of issued tokens: user "admin.by.hand", role admin',
    );
  });

  it('Given a token without an id (minted before tokens had one), When it is sent, Then it is refused as not recorded', async () => {
    const old = new JwtService().sign(
      { sub: 'old.job', role: 'reporting_job' },
      { secret, algorithm: 'HS256', issuer: 'care-journey', audience: 'care-journey', expiresIn: 3600 },
    );
    await expect(verifier.authenticate(old)).rejects.toEqual(refusal);
  });

  const session = (sessionId = newSessionId()): string =>
    mintToken({ secret, userId: 'sw.demo', role: 'social_worker', sessionId });

  // Until session 18 sessions were exempt from the record: a cookie forged with the secret got in.
  it('Given a web session cookie signed with the secret but never signed in, When it is sent, Then it is 401 token-not-recorded, as a forged API token is', async () => {
    await expect(verifier.authenticate(session())).rejects.toEqual(refusal);
  });

  it('Given a web sign-in recorded in tokens-issued by another API process, When its session is first sent, Then it is accepted after a catch-up read', async () => {
    const sessionId = newSessionId();
    await recordSignedIn(store, {
      tokenId: sessionId,
      userId: 'sw.demo',
      role: 'social_worker',
      issuedAt: '2026-11-28T10:00:00Z',
      expiresAt: '2026-11-28T18:00:00Z',
      keyId: 'k1',
    });
    const user = verifier.authenticate(session(sessionId));
    expect(user).toBeInstanceOf(Promise);
    expect(await user).toMatchObject({ id: 'sw.demo', role: 'social_worker', sessionId });
  });

  it('Given a sign-in this process recorded (remembered), When its session is sent, Then it is accepted at once, without a read', () => {
    const catchUp = jest.spyOn(recorded, 'catchUp');
    const sessionId = newSessionId();
    recorded.remember(sessionId);
    const user = verifier.authenticate(session(sessionId));
    expect(user).not.toBeInstanceOf(Promise);
    expect(user).toMatchObject({ id: 'sw.demo', role: 'social_worker', sessionId });
    expect(catchUp).not.toHaveBeenCalled();
  });

  it('Given CARE_JOURNEY_TOKENS=recorded, When the API starts, Then its log says so; with signed, Then it says nothing of it', () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const said = () =>
      log.mock.calls.filter(([line]) => String(line).includes('CARE_JOURNEY_TOKENS=recorded'));
    new TokenVerifier(config);
    expect(said()).toHaveLength(0);
    new TokenVerifier(config, new RevokedTokens(undefined), new TokenHolders(undefined), recorded);
    expect(said()).toEqual([
      [
        'API tokens are accepted only when recorded in tokens-issued (CARE_JOURNEY_TOKENS=recorded), and so are web sign-in sessions (each sign-in records its own)',
      ],
    ]);
    log.mockRestore();
  });

  it('Given CARE_JOURNEY_TOKENS=signed (no record kept), When an unrecorded token is sent, Then it is accepted as before', () => {
    const signed = new TokenVerifier(config);
    const token = mintToken({ secret, userId: 'report.job', role: 'reporting_job' });
    expect(signed.authenticate(token)).toEqual({
      id: 'report.job',
      name: 'report.job',
      role: 'reporting_job',
    });
  });
});
