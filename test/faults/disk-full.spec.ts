import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore } from '@care-journey/event-store';
import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { verifyChain } from '@care-journey/audit';
import { createApp } from '../../apps/api/src/create-app';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/event-store.provider';
import { apiClient, type ApiClient } from '../e2e/support/http-client';
import { ndjsonLines } from '../e2e/support/ndjson-lines';
import { registerBody, startCareBody } from '../e2e/support/journey-bodies';
import { TEST_JWT_SECRET, tokenFor } from '../e2e/support/tokens';
import { mountSmallDisk, type SmallDisk } from './support/small-disk';
import { childEvents } from './support/stream-events';

/**
 * How the fault is made. Disk full, preferred: a real 4 MiB tmpfs filled to the last byte
 * (ENOSPC). Where mounting is not allowed, SQLite is made to fail on the store's connection:
 * PRAGMA max_page_count (a real SQLITE_FULL). Read-only: PRAGMA query_only (SQLITE_READONLY),
 * as a mount with the database open for writing cannot be remounted read-only. The store commits
 * on its writer thread, as deployed, so the PRAGMAs go to that thread's connection.
 */
interface Fault {
  method: string;
  full(): Promise<unknown>;
  spaceBack(): Promise<unknown>;
  readOnly(): Promise<unknown>;
  writable(): Promise<unknown>;
}

const writerPragma = (store: EventStore, sql: string): Promise<unknown> =>
  (store as SqliteEventStore).writerPragma(sql);

describe('faults: disk full and read-only store', () => {
  let disk: SmallDisk | undefined;
  let dir: string;
  let app: NestFastifyApplication;
  let api: ApiClient;
  let store: EventStore;
  let fault: Fault;
  const token = tokenFor('social_worker', 'disk');
  const acknowledged: string[] = [];
  let childId: string;
  let feedCheckpoint: string;

  beforeAll(async () => {
    disk = mountSmallDisk(4);
    dir = disk?.dir ?? mkdtempSync(join(tmpdir(), 'cj-disk-fallback-'));
    app = await createApp(
      {
        port: 0,
        host: '127.0.0.1',
        jwtSecret: TEST_JWT_SECRET,
        usingDevJwtSecret: false,
        store: { kind: 'sqlite', file: join(dir, 'journeys.db'), synchronous: 'FULL', writer: 'thread' },
      },
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    api = apiClient((await app.getUrl()).replace('[::1]', '127.0.0.1'));
    store = app.get<EventStore>(EVENT_STORE);
    fault = disk
      ? {
          // A filesystem with a file open for writing cannot be remounted read-only ("busy"),
          // so read-only is made the fallback's way here too.
          method:
            'tmpfs of 4 MiB filled to the last byte (ENOSPC); read-only by PRAGMA query_only (SQLITE_READONLY)',
          full: async () => disk!.fill(),
          spaceBack: async () => disk!.free(),
          readOnly: () => writerPragma(store, 'query_only = ON'),
          writable: () => writerPragma(store, 'query_only = OFF'),
        }
      : {
          method:
            'SQLite limits on the store connection: PRAGMA max_page_count (SQLITE_FULL), PRAGMA query_only (SQLITE_READONLY)',
          full: async () => {
            const [{ page_count: pages }] = (await writerPragma(store, 'page_count')) as {
              page_count: number;
            }[];
            return writerPragma(store, `max_page_count = ${pages}`);
          },
          spaceBack: () => writerPragma(store, 'max_page_count = 1073741823'),
          readOnly: () => writerPragma(store, 'query_only = ON'),
          writable: () => writerPragma(store, 'query_only = OFF'),
        };
    process.stdout.write(`disk faults made with: ${fault.method}\n`);
    const registered = await api.post<{ childId: string }>('/children', registerBody(), { token });
    childId = registered.body.childId;
    expect((await api.post(`/children/${childId}/periods-of-care`, startCareBody, { token })).status).toBe(
      201,
    );
    // The change feed holds the child's changes before any fault: where a full page stops, for later.
    const feed = await api.get<string>(`/feed?limit=1000&minPosition=${await store.headPosition()}`, {
      token: tokenFor('reporting_job', 'disk-reader'),
    });
    const lines = ndjsonLines<{ childId?: string; checkpoint: string }>(feed.body);
    expect(lines.some((line) => line.childId === childId)).toBe(true);
    feedCheckpoint = lines.at(-1)!.checkpoint;
  });
  afterAll(async () => {
    try {
      // Again here: a spec that timed out inside its try has not reached its finally yet.
      await fault?.spaceBack();
      await fault?.writable();
      await app?.close();
    } finally {
      if (disk) disk.unmount();
      else if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    }
  });

  /** Allocations always hold, so any refusal is the store's. Returns the status. */
  const TEAMS = ['Children in Care North', 'Children in Care South'];
  let n = 0;
  const record = async (): Promise<{ status: number; body: Record<string, unknown> }> => {
    n += 1;
    const response = await api.post<{ events?: { id: string }[] } & Record<string, unknown>>(
      `/children/${childId}/allocation`,
      // Two configured teams in turn: each allocation changes something, so it always holds.
      { effectiveDate: '2023-03-01', team: TEAMS[n % TEAMS.length], socialWorker: 'sw.demo' },
      { token },
    );
    if (response.status === 201) acknowledged.push(...(response.body.events ?? []).map((e) => e.id));
    return response;
  };

  /** Every acknowledged event is there once, nothing else, and the chain holds. */
  const expectIntact = async () => {
    const events = (await childEvents(store, childId)).slice(2);
    expect(events.map((e) => e.id)).toEqual(acknowledged);
    expect(verifyChain(await childEvents(store, childId)).ok).toBe(true);
  };

  const until503 = async (): Promise<{ status: number; body: Record<string, unknown> }> => {
    for (let i = 0; i < 2_000; i++) {
      const response = await record();
      if (response.status !== 201) return response;
    }
    throw new Error('the store never refused a write');
  };

  it('disk full: answers 503 with a clear message, writes nothing half, and recovers when space returns', async () => {
    await fault.full();
    // The space comes back whatever fails in between: a full disk left behind fails every spec
    // after this one (and the app's close) for a reason that is not theirs.
    try {
      const refused = await until503();
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({
        statusCode: 503,
        message: expect.stringMatching(/event store is unavailable; nothing was recorded/i),
      });
      expect((await record()).status).toBe(503); // still full: still refused, not a 500
      // Reads that hold no one's record go on; a read of a child must be recorded in the read-access
      // trail first, and a read that cannot be recorded is not served — a reporting job's too, since
      // its reads are trailed (review s15-ig F2).
      const reportingJob = tokenFor('reporting_job', 'disk-reader');
      expect((await api.get('/health', { token: reportingJob })).status).toBe(200);
      expect((await api.get(`/children/${childId}`, { token: reportingJob })).status).toBe(503);
      expect((await api.get(`/children/${childId}`, { token })).status).toBe(503);
      // The same for a page of the log or of the change feed that holds the child (each is trailed);
      // a page at the head holds no one's record, writes no entry, and is served.
      expect((await api.get('/events?limit=50', { token: reportingJob })).status).toBe(503);
      expect((await api.get('/feed?limit=50', { token: reportingJob })).status).toBe(503);
      const head = String(await store.headPosition());
      expect((await api.get(`/events?after=${head}`, { token: reportingJob })).status).toBe(200);
      const feedHead = await api.get<string>(`/feed?after=${feedCheckpoint}`, { token: reportingJob });
      expect(feedHead.status).toBe(200);
      expect(ndjsonLines(feedHead.body)).toHaveLength(1); // the checkpoint line only: no changes
      await expectIntact();
    } finally {
      await fault.spaceBack();
    }
    expect((await record()).status).toBe(201);
    await expectIntact();
    process.stdout.write(
      `disk full: refused with 503 after ${acknowledged.length} acknowledged writes; recovered\n`,
    );
  }, 60_000);

  it('read-only: answers 503, writes nothing, and recovers when writable again', async () => {
    await fault.readOnly();
    try {
      const refused = await record();
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ message: expect.stringMatching(/nothing was recorded/) });
      await expectIntact();
    } finally {
      await fault.writable();
    }
    let status = 0;
    for (let i = 0; i < 20 && status !== 201; i++) status = (await record()).status;
    expect(status).toBe(201);
    await expectIntact();
  }, 60_000);
});
