import { setTimeout as sleep } from 'node:timers/promises';
import { apiClient, type ApiClient } from '../e2e/support/http-client';
import { registerBody, startCareBody } from '../e2e/support/journey-bodies';
import { startTestApp, type TestApp } from '../e2e/support/test-app';
import { tokenFor } from '../e2e/support/tokens';
import { randomCommand, seededRandom, type CommandCall } from './support/journey-commands';
import { childEvents, correlationOf } from './support/stream-events';

const CLIENTS = 16;
const CHILDREN = 50;
const DURATION_MS = Number(process.env.CONCURRENCY_MS ?? 8_000);
const SEED = Number(process.env.CONCURRENCY_SEED ?? 1603);
const MIN_ACKNOWLEDGED = 100;
const HARD_BOUND_MS = Math.max(DURATION_MS, 60_000);

interface Outcome {
  correlationId: string;
  childId: string;
  call: CommandCall;
  ifMatch: boolean;
  status: number;
  revision?: bigint;
  eventIds: string[];
}

const childIds = Array.from({ length: CHILDREN }, (_, i) => `conc-${String(i).padStart(2, '0')}`);

async function seedChildren(api: ApiClient, token: string): Promise<void> {
  for (const childId of childIds) {
    const registered = await api.post(
      '/children',
      registerBody({ childId, childRef: childId.slice(0, 10) }),
      { token },
    );
    const started = await api.post(`/children/${childId}/periods-of-care`, startCareBody, { token });
    if (registered.status !== 201 || started.status !== 201) throw new Error(`seeding ${childId} failed`);
  }
}

/** The child as the API shows it, without what differs between two recordings (ids, times, revisions). */
const comparable = (view: unknown): unknown =>
  JSON.parse(
    JSON.stringify(view, (key, value: unknown) =>
      [
        'recordedAt',
        'id',
        'eventId',
        'revision',
        'globalPosition',
        'correlationId',
        'causationId',
        'integrity',
      ].includes(key)
        ? undefined
        : value,
    ),
  );

describe('concurrency: 16 clients, 50 children, bounded time', () => {
  let live: TestApp;
  let api: ApiClient;
  const token = tokenFor('social_worker', 'conc');
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    live = await startTestApp();
    api = apiClient(live.baseUrl);
    await seedChildren(api, token);
    // At least DURATION_MS, and on until enough commands were answered (a loaded machine answers
    // fewer in the time), within a hard bound.
    const start = Date.now();
    const goOn = () =>
      Date.now() - start < DURATION_MS ||
      (outcomes.filter((o) => o.status === 201).length <= MIN_ACKNOWLEDGED &&
        Date.now() - start < HARD_BOUND_MS);
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const random = seededRandom(SEED + client);
        for (let seq = 0; goOn(); seq++) {
          const childId = childIds[Math.floor(random() * CHILDREN)];
          const correlationId = `c${client}-${seq}`;
          const call = randomCommand(random);
          const headers: Record<string, string> = { 'x-correlation-id': correlationId };
          const ifMatch = random() < 0.5;
          if (ifMatch) {
            const read = await api.get(`/children/${childId}`, { token });
            headers['if-match'] = read.headers.get('etag') ?? '';
            if (random() < 0.3) await sleep(1); // widen the window between read and write
          }
          const response = await api.post<{ revision?: string; events?: { id: string }[] }>(
            `/children/${childId}/${call.path}`,
            call.body,
            { token, headers },
          );
          outcomes.push({
            correlationId,
            childId,
            call,
            ifMatch,
            status: response.status,
            revision: response.status === 201 ? BigInt(response.body.revision ?? -1) : undefined,
            eventIds: response.status === 201 ? (response.body.events ?? []).map((e) => e.id) : [],
          });
        }
      }),
    );
  }, HARD_BOUND_MS + 60_000);
  afterAll(async () => live?.close());

  it('answers every command 201, 409 or 422, and prints the figures', () => {
    const count = (predicate: (o: Outcome) => boolean) => outcomes.filter(predicate).length;
    const figures = {
      sent: outcomes.length,
      acknowledged: count((o) => o.status === 201),
      conflicts409: count((o) => o.status === 409),
      conflicts409WithIfMatch: count((o) => o.status === 409 && o.ifMatch),
      refused422: count((o) => o.status === 422),
      other: count((o) => ![201, 409, 422].includes(o.status)),
    };
    process.stdout.write(
      `concurrency (${CLIENTS} clients, ${CHILDREN} children, ${DURATION_MS} ms, seed ${SEED}): ${JSON.stringify(figures)}\n`,
    );
    expect(figures.other).toBe(0);
    expect(figures.acknowledged).toBeGreaterThan(MIN_ACKNOWLEDGED);
    expect(figures.conflicts409).toBeGreaterThan(0); // the test did make clients clash
  });

  it('loses no update: every acknowledged event is stored exactly once, nothing else was written', async () => {
    const problems: string[] = [];
    for (const childId of childIds) {
      const events = (await childEvents(live.store, childId)).slice(2); // registration and start of care
      const acknowledged = outcomes.filter((o) => o.childId === childId && o.status === 201);
      const expectedIds = acknowledged.flatMap((o) => o.eventIds).sort();
      const storedIds = events.map((e) => e.id).sort();
      if (JSON.stringify(storedIds) !== JSON.stringify(expectedIds))
        problems.push(`${childId}: stored ${storedIds.length} events, acknowledged ${expectedIds.length}`);
      const revisions = acknowledged.map((o) => o.revision);
      if (new Set(revisions).size !== revisions.length)
        problems.push(`${childId}: two commands acknowledged at one revision`);
      for (const event of events) {
        const owner = acknowledged.find((o) => o.correlationId === correlationOf(event));
        if (!owner?.eventIds.includes(event.id))
          problems.push(`${childId}: event ${event.id} belongs to no acknowledged command`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('ends in the state a sequential replay of the acknowledged commands gives', async () => {
    const replay = await startTestApp();
    try {
      const replayApi = apiClient(replay.baseUrl);
      await seedChildren(replayApi, token);
      const problems: string[] = [];
      for (const childId of childIds) {
        const inOrder = outcomes
          .filter((o) => o.childId === childId && o.status === 201 && o.eventIds.length > 0)
          .sort((a, b) => (a.revision! < b.revision! ? -1 : 1));
        for (const outcome of inOrder) {
          const again = await replayApi.post(`/children/${childId}/${outcome.call.path}`, outcome.call.body, {
            token,
          });
          if (again.status !== 201)
            problems.push(
              `${childId} ${outcome.correlationId}: ${again.status} on replay (${JSON.stringify(again.body)})`,
            );
        }
        const [concurrent, sequential] = await Promise.all([
          api.get(`/children/${childId}`, { token }),
          replayApi.get(`/children/${childId}`, { token }),
        ]);
        expect(comparable(concurrent.body)).toEqual(comparable(sequential.body));
        const types = async (store: TestApp['store']) =>
          (await childEvents(store, childId)).map((e) => ({ type: e.type, data: e.data }));
        expect(await types(live.store)).toEqual(await types(replay.store));
      }
      expect(problems).toEqual([]);
    } finally {
      await replay.close();
    }
  }, 120_000);
});
