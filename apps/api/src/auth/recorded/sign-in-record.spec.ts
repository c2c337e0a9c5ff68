import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { jwtKeyId } from '@care-journey/access';
import { SIGNED_IN, TOKENS_ISSUED_STREAM, verifyChain } from '@care-journey/audit';
import { createEventStore, readStreamOrEmpty, type EventStore } from '@care-journey/event-store';
import type { ApiConfig } from '../../config/api-config';
import { newSessionId } from '../session-ends';
import { RecordedTokens } from './recorded-tokens';
import { SignInNotRecorded, SignInRecord, type WebSessionIssue } from './sign-in-record';

const secret = 'sign-in-record-spec-secret-0123456789';
const config = { jwtSecret: secret, usingDevJwtSecret: false } as ApiConfig;

describe('SignInRecord: a web sign-in is recorded in tokens-issued before its session is handed out', () => {
  let dir: string;
  let store: EventStore;
  let recorded: RecordedTokens;
  let logged: jest.SpyInstance;
  const issue = (sessionId = newSessionId()): WebSessionIssue => ({
    sessionId,
    userId: 'sw.demo',
    name: 'Sam Worker',
    role: 'social_worker',
    issuedAt: new Date('2026-11-28T10:00:00.000Z'),
    expiresAt: new Date('2026-11-28T18:00:00.000Z'),
    requestId: 'req-7',
  });
  const stored = async () => {
    const events = [];
    for await (const event of readStreamOrEmpty(store, TOKENS_ISSUED_STREAM)) events.push(event);
    return events;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sign-in-record-'));
    store = await createEventStore({ kind: 'sqlite', file: join(dir, 'journeys.db'), synchronous: 'NORMAL' });
    recorded = new RecordedTokens(store, 0);
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    logged.mockRestore();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given a sign-in, When it is recorded, Then SignedIn holds who, when, the session id, role, expiry and key, chained, and nothing secret', async () => {
    const sessionId = newSessionId();
    await new SignInRecord(config, store, recorded).record(issue(sessionId));

    const [event] = await stored();
    expect(event.type).toBe(SIGNED_IN);
    expect(event.data).toEqual({
      tokenId: sessionId,
      userId: 'sw.demo',
      name: 'Sam Worker',
      role: 'social_worker',
      issuedAt: '2026-11-28T10:00:00Z',
      expiresAt: '2026-11-28T18:00:00Z',
      keyId: jwtKeyId(secret),
    });
    expect(event.metadata).toMatchObject({ recordedBy: 'sw.demo', requestId: 'req-7' });
    expect(JSON.stringify([event.data, event.metadata])).not.toContain(secret);
    expect(verifyChain(await stored()).ok).toBe(true);
  });

  it('Given CARE_JOURNEY_TOKENS=recorded, When a sign-in is recorded, Then this process accepts its session without reading the stream', async () => {
    const sessionId = newSessionId();
    const catchUp = jest.spyOn(recorded, 'catchUp');
    await new SignInRecord(config, store, recorded).record(issue(sessionId));
    expect(recorded.has(sessionId)).toBe(true);
    expect(catchUp).not.toHaveBeenCalled();
  });

  it('Given 60 sign-ins at once in one process (the morning rush), When recorded, Then every one is, each once, on one unbroken chain, in two appends', async () => {
    const record = new SignInRecord(config, store, recorded);
    const appends = jest.spyOn(store, 'appendToStream');
    const ids = Array.from({ length: 60 }, () => newSessionId());
    await Promise.all(ids.map((id) => record.record(issue(id))));
    const events = await stored();
    expect(events.map((event) => event.data['tokenId']).sort()).toEqual([...ids].sort());
    expect(verifyChain(events).ok).toBe(true);
    // The first goes alone and the other 59 wait for it together (appendChained), not one append each
    // behind a queue of their own (review s18-diff 3: 60 sequential appends, each with its fsync).
    expect(appends).toHaveBeenCalledTimes(2);
  });

  it('Given the development secret, Then the record says so, as a CLI token record does', async () => {
    await new SignInRecord({ ...config, usingDevJwtSecret: true }, store, null).record(issue());
    expect((await stored())[0].data).toMatchObject({ developmentSecret: true });
  });

  it('Given a store that cannot record, When a sign-in is recorded, Then it throws SignInNotRecorded, logs why, and the session is not known', async () => {
    const sessionId = newSessionId();
    const append = store.appendToStream.bind(store);
    store.appendToStream = () => Promise.reject(new Error('SQLITE_FULL: database or disk is full'));
    const record = new SignInRecord(config, store, recorded);
    await expect(record.record(issue(sessionId))).rejects.toBeInstanceOf(SignInNotRecorded);
    expect(recorded.has(sessionId)).toBe(false);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('Sign-in of "sw.demo" refused'));
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('SQLITE_FULL'));
    expect(await stored()).toEqual([]);

    // The store recovers: the next sign-in is not held up by the failed one.
    store.appendToStream = append;
    await record.record(issue());
    expect(await stored()).toHaveLength(1);
  });
});
