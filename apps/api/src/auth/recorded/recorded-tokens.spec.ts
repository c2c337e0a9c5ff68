import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordSignedIn, recordTokenIssued } from '@care-journey/audit';
import { createEventStore, type EventStore } from '@care-journey/event-store';
import { RecordedTokens } from './recorded-tokens';

const record = (store: EventStore, tokenId: string) =>
  recordTokenIssued(store, {
    tokenId,
    userId: 'report.job',
    role: 'reporting_job',
    issuedAt: '2026-11-28T10:00:00Z',
    expiresAt: '2026-11-28T18:00:00Z',
    keyId: 'k1',
    operator: { osUser: 'ops', host: 'host-1' },
  });

describe('RecordedTokens: the ids in tokens-issued, learnt without a restart', () => {
  let dir: string;
  let store: EventStore;
  let reads: number;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'recorded-tokens-'));
    store = await createEventStore({ kind: 'sqlite', file: join(dir, 'journeys.db'), synchronous: 'NORMAL' });
    reads = 0;
    const readStream = store.readStream.bind(store);
    store.readStream = (stream, options) => {
      reads += 1;
      return readStream(stream, options);
    };
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given no token was ever recorded, When it catches up, Then it knows none (the missing stream is not an error)', async () => {
    const tokens = new RecordedTokens(store, 0);
    await tokens.catchUp();
    expect(tokens.has(randomUUID())).toBe(false);
  });

  it('Given tokens recorded before and after a first read, When it catches up again, Then it knows both and reads only from where it stopped', async () => {
    const first = randomUUID();
    const second = randomUUID();
    await record(store, first);
    const tokens = new RecordedTokens(store, 0);
    expect(tokens.has(first)).toBe(false); // nothing is read until asked
    await tokens.catchUp();
    expect(tokens.has(first)).toBe(true);
    expect(tokens.has(second)).toBe(false);

    await record(store, second);
    const from: unknown[] = [];
    const readStream = store.readStream.bind(store);
    store.readStream = (stream, options) => {
      from.push(options?.fromRevision);
      return readStream(stream, options);
    };
    await tokens.catchUp();
    expect(tokens.has(first)).toBe(true);
    expect(tokens.has(second)).toBe(true);
    expect(from).toEqual([1n]);
  });

  it('Given a web sign-in recorded (SignedIn) beside a CLI token, When it catches up, Then it knows both ids', async () => {
    const cli = randomUUID();
    const session = randomUUID();
    await record(store, cli);
    await recordSignedIn(store, {
      tokenId: session,
      userId: 'sw.demo',
      role: 'social_worker',
      issuedAt: '2026-11-28T10:00:00Z',
      expiresAt: '2026-11-28T18:00:00Z',
      keyId: 'k1',
    });
    const tokens = new RecordedTokens(store, 0);
    await tokens.catchUp();
    expect(tokens.has(cli)).toBe(true);
    expect(tokens.has(session)).toBe(true);
  });

  it('Given a known token, When it is asked about many times, Then the store is not read again', async () => {
    const id = randomUUID();
    await record(store, id);
    const tokens = new RecordedTokens(store, 0);
    await tokens.catchUp();
    const before = reads;
    for (let i = 0; i < 1000; i += 1) expect(tokens.has(id)).toBe(true);
    expect(reads).toBe(before);
  });

  it('Given many requests with unknown tokens at once, When they all catch up, Then they share reads: at most one per interval', async () => {
    const tokens = new RecordedTokens(store, 100);
    await tokens.catchUp();
    const before = reads;
    const started = Date.now();
    await Promise.all(Array.from({ length: 50 }, () => tokens.catchUp()));
    // The first read just ran: the 50 callers wait for one more, after the interval.
    expect(reads - before).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('Given a read under way, When a token is recorded and then asked for, Then the caller waits for a read that starts after it and sees the token', async () => {
    const tokens = new RecordedTokens(store, 0);
    const under = tokens.catchUp();
    const id = randomUUID();
    await record(store, id);
    await tokens.catchUp();
    expect(tokens.has(id)).toBe(true);
    await under;
  });

  it('Given a store that cannot be read, When it catches up, Then the error reaches the caller and the next catch-up reads again', async () => {
    const tokens = new RecordedTokens(store, 0);
    const readStream = store.readStream.bind(store);
    store.readStream = () => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('disk gone')) }),
    });
    await expect(tokens.catchUp()).rejects.toThrow('disk gone');
    store.readStream = readStream;
    const id = randomUUID();
    await record(store, id);
    await tokens.catchUp();
    expect(tokens.has(id)).toBe(true);
  });
});
