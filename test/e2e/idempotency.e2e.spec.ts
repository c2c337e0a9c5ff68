import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore } from '@care-journey/event-store';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/event-store.provider';
import { apiClient, type ApiClient, type ApiResponse } from './support/http-client';
import { registerBody, startCareBody, wholeJourney } from './support/journey-bodies';
import { eventCount } from './support/journey-setup';
import { startTestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Recorded {
  childId: string;
  revision: string;
  globalPosition: string | null;
  events: { id: string; type: string }[];
}

/**
 * Idempotency-Key on the real API over HTTP, on a SQLite file that outlives the app: a retry
 * answers what the first send recorded and records nothing, also after a restart.
 */
describe('Idempotency-Key on command endpoints', () => {
  let dir: string;
  let file: string;
  let app: NestFastifyApplication;
  let api: ApiClient;
  const alice = tokenFor('social_worker', 'alice');
  const bob = tokenFor('social_worker', 'bob');

  async function start(): Promise<void> {
    const started = await startTestApp({ sqliteFile: file });
    app = started.app;
    api = apiClient(started.baseUrl);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-journey-idempotency-'));
    file = join(dir, 'journeys.db');
    await start();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const head = () => app.get<EventStore>(EVENT_STORE).headPosition();
  const keyed = (key: string, token = alice, extra: Record<string, string> = {}) => ({
    token,
    headers: { 'idempotency-key': key, ...extra },
  });
  /** The parts of an answer a retry must repeat exactly. */
  const answer = (response: ApiResponse<Recorded>) => ({
    status: response.status,
    body: response.body,
    etag: response.headers.get('etag'),
  });

  /** A reference of its own for each child (one childRef, one child), the same for the same key. */
  const refFor = (key: string) => `I-${createHash('sha1').update(key).digest('hex').slice(0, 8)}`;

  async function registeredInCare(key: string): Promise<string> {
    const registered = await api.post<Recorded>(
      '/children',
      registerBody({ childRef: refFor(key) }),
      keyed(`${key}-register`),
    );
    expect(registered.status).toBe(201);
    const started = await api.post(
      `/children/${registered.body.childId}/periods-of-care`,
      startCareBody,
      keyed(`${key}-care`),
    );
    expect(started.status).toBe(201);
    return registered.body.childId;
  }

  it('a keyed registration without a child id, sent again, answers the same child and registers nothing', async () => {
    const first = await api.post<Recorded>(
      '/children',
      registerBody({ childRef: 'LA-IDEM-1' }),
      keyed('reg-1'),
    );
    expect(first.status).toBe(201);
    const position = await head();
    const again = await api.post<Recorded>(
      '/children',
      registerBody({ childRef: 'LA-IDEM-1' }),
      keyed('reg-1'),
    );
    expect(answer(again)).toEqual(answer(first));
    expect(again.headers.get('location')).toBe(`/children/${first.body.childId}`);
    expect(await head()).toBe(position);
    expect(await eventCount(api, first.body.childId)).toBe(1);
  });

  it('every step of a whole journey, each sent twice with its key, is recorded once and answered the same', async () => {
    const childId = (
      await api.post<Recorded>('/children', registerBody({ childRef: 'LA-IDEM-2' }), keyed('walk-register'))
    ).body.childId;
    let events = 1;
    for (const [step, [path, body]] of wholeJourney.entries()) {
      const key = `walk-${step}`;
      const first = await api.post<Recorded>(`/children/${childId}/${path}`, body, keyed(key));
      expect({ path, status: first.status }).toEqual({ path, status: 201 });
      events += first.body.events.length;
      const again = await api.post<Recorded>(`/children/${childId}/${path}`, body, keyed(key));
      expect(answer(again)).toEqual(answer(first));
    }
    expect(events).toBe(wholeJourney.length + 2); // the adoption order also ends care
    expect(await eventCount(api, childId)).toBe(events);
  });

  it('answers the retry with the first outcome even when the child has moved on (and its If-Match is stale)', async () => {
    const childId = await registeredInCare('moved');
    const review = { effectiveDate: '2023-03-02', participation: 'PN0' };
    const first = await api.post<Recorded>(
      `/children/${childId}/reviews`,
      review,
      keyed('moved-review', alice, { 'if-match': '"1"' }),
    );
    expect(first.status).toBe(201);
    const later = await api.post(
      `/children/${childId}/allocation`,
      {
        effectiveDate: '2023-03-03',
        team: 'Children in Care Fenland',
        socialWorker: 'sw.demo',
      },
      { token: alice },
    );
    expect(later.status).toBe(201);
    const again = await api.post<Recorded>(
      `/children/${childId}/reviews`,
      review,
      keyed('moved-review', alice, { 'if-match': '"1"' }),
    );
    expect(answer(again)).toEqual(answer(first));
    expect(again.body.revision).toBe('2');
    expect(await eventCount(api, childId)).toBe(4);
  });

  it('concurrent sends of one keyed command record it once and all get the same answer', async () => {
    const childId = await registeredInCare('burst');
    const body = { effectiveDate: '2023-03-02', team: 'Children in Care South', socialWorker: 'sw.demo' };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        api.post<Recorded>(`/children/${childId}/allocation`, body, keyed('burst-1')),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    for (const other of answers.slice(1)) expect(answer(other)).toEqual(answer(answers[0]));
    expect(await eventCount(api, childId)).toBe(3);
  });

  it('keys are per user: the same key from another user is another command', async () => {
    const childId = await registeredInCare('users');
    const body = { effectiveDate: '2023-03-02', team: 'Children in Care South', socialWorker: 'sw.demo' };
    const fromAlice = await api.post<Recorded>(`/children/${childId}/allocation`, body, keyed('shared-key'));
    const fromBob = await api.post<Recorded>(
      `/children/${childId}/allocation`,
      body,
      keyed('shared-key', bob),
    );
    expect([fromAlice.status, fromBob.status]).toEqual([201, 201]);
    expect(fromBob.body.events[0].id).not.toBe(fromAlice.body.events[0].id);
    expect(await eventCount(api, childId)).toBe(4);
  });

  it('without the header nothing changes: sending twice records twice', async () => {
    const childId = await registeredInCare('plain');
    const body = { effectiveDate: '2023-03-02', team: 'Children in Care South', socialWorker: 'sw.demo' };
    const first = await api.post<Recorded>(`/children/${childId}/allocation`, body, { token: alice });
    const second = await api.post<Recorded>(`/children/${childId}/allocation`, body, { token: alice });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.events[0].id).not.toBe(first.body.events[0].id);
    expect(await eventCount(api, childId)).toBe(4);
  });

  it('refuses the key with a different body or endpoint (422 naming the header and rule), recording nothing', async () => {
    const childId = await registeredInCare('reuse');
    const body = { effectiveDate: '2023-03-02', team: 'Children in Care South', socialWorker: 'sw.demo' };
    expect((await api.post(`/children/${childId}/allocation`, body, keyed('reuse-1'))).status).toBe(201);
    const position = await head();
    for (const [path, other] of [
      ['allocation', { ...body, team: 'Children in Care North' }],
      ['reviews', { effectiveDate: '2023-03-02', participation: 'PN0' }],
    ] as const) {
      const refused = await api.post(`/children/${childId}/${path}`, other, keyed('reuse-1'));
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        statusCode: 422,
        rule: 'idempotency-key-reused',
        field: 'Idempotency-Key',
        message: expect.stringMatching(/^Idempotency-Key was already used for a different request/),
      });
    }
    expect(await head()).toBe(position);
  });

  it.each([
    ['empty', ''],
    ['129 characters', 'k'.repeat(129)],
    ['with a space', 'two words'],
    ['non-ASCII', 'clé'],
  ])(
    'refuses a key that is %s with a 400 naming the header and the rule, recording nothing',
    async (_, key) => {
      const childId = await registeredInCare(`bad-${key.length}-${key.charCodeAt(0) || 0}`);
      const position = await head();
      const refused = await api.post(
        `/children/${childId}/reviews`,
        { effectiveDate: '2023-03-02', participation: 'PN0' },
        keyed(key),
      );
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        statusCode: 400,
        errors: [
          {
            field: 'Idempotency-Key',
            rule: 'isIdempotencyKey',
            message: expect.stringMatching(/^Idempotency-Key must be 1–128 visible ASCII characters/),
          },
        ],
      });
      expect(await head()).toBe(position);
    },
  );

  it('after a restart of the app on the same file, a retry answers the same and records nothing', async () => {
    const childId = await registeredInCare('restart');
    const review = { effectiveDate: '2023-03-02', participation: 'PN0' };
    const first = await api.post<Recorded>(`/children/${childId}/reviews`, review, keyed('restart-review'));
    const registerAgain = () =>
      api.post<Recorded>(
        '/children',
        registerBody({ childRef: refFor('restart') }),
        keyed('restart-register'),
      );
    expect(first.status).toBe(201);
    await app.close();
    await start(); // a new process image as far as the API is concerned: nothing cached, nothing in memory
    const position = await head();
    const again = await api.post<Recorded>(`/children/${childId}/reviews`, review, keyed('restart-review'));
    expect(answer(again)).toEqual(answer(first));
    const registration = await registerAgain();
    expect(registration.status).toBe(201);
    expect(registration.body.childId).toBe(childId);
    expect(registration.body.revision).toBe('0');
    const refused = await api.post(
      `/children/${childId}/reviews`,
      { ...review, participation: 'PN1' },
      keyed('restart-review'),
    );
    expect(refused.status).toBe(422);
    expect(await head()).toBe(position);
    expect(await eventCount(api, childId)).toBe(3);
  });

  it('documents the header on every command route in OpenAPI', async () => {
    const spec = await api.get<{
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    }>('/docs-json');
    expect(spec.status).toBe(200);
    const commands = Object.entries(spec.body.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => method === 'post' && path.startsWith('/children'))
        .map(([, operation]) => ({
          path,
          keyed: (operation.parameters ?? []).some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
        })),
    );
    expect(commands.length).toBeGreaterThanOrEqual(24);
    expect(commands.filter((c) => !c.keyed)).toEqual([]);
  });
});
