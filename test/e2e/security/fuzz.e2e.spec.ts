import fc from 'fast-check';
import { apiClient, type ApiClient } from '../support/http-client';
import { newChild } from '../support/journey-setup';
import { pollUntil } from '../support/poll';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { badBodies, badQueries, type BadRequest } from './fuzz/bad-requests';
import { allEnumValues, operationsOf, type OperationSpec } from './fuzz/openapi-routes';
import { settledFingerprint, storeFingerprint } from './fuzz/store-fingerprint';

/** Runs per endpoint; FUZZ_RUNS raises it for a longer campaign. Seeded, so a failure replays. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20240601);
const STACK = /\n\s+at |\.ts:\d+|node_modules/;
/** Not inputs to fuzz: documentation, health, and the admin rebuild (no body; writes only read models). */
const SKIPPED =
  /^(GET \/health|GET \/docs|POST \/admin\/rebuild|GET \/admin\/rebuild|GET \/health\/projections|GET \/measures\/settings)$/;

describe('fuzz: every endpoint answers bad input with a clear 4xx and changes nothing', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  let operations: OperationSpec[];
  let before: ReturnType<typeof storeFingerprint>;
  const tried = new Map<string, Map<string, number>>();
  const admin = tokenFor('admin', 'fuzz-admin');

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    childId = await newChild(api);
    const doc = await api.get<Parameters<typeof operationsOf>[0]>('/docs-json');
    operations = operationsOf(doc.body).filter((op) => !SKIPPED.test(`${op.method} ${op.path}`));
    // Settled: the projector has caught up (it reads the store, never writes it) and the file's
    // bytes hold still, so what the fuzz changes is all that can differ after.
    const caughtUp = await pollUntil(
      () => api.get<{ lag?: string }>('/health/projections'),
      (answer) => answer.body.lag === '0',
    );
    expect(caughtUp.body.lag).toBe('0');
    before = await settledFingerprint(t.sqliteFile);
  });
  afterAll(async () => {
    const lines = [...tried].map(([route, kinds]) => {
      const total = [...kinds.values()].reduce((a, b) => a + b, 0);
      return `  ${route.padEnd(52)} ${String(total).padStart(5)}  (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})`;
    });
    const total = [...tried.values()].flatMap((kinds) => [...kinds.values()]).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `fuzz: ${total} bad inputs over ${tried.size} endpoints (seed ${SEED})\n${lines.join('\n')}\n`,
    );
    await t.close();
  });

  /** Sends one bad request; returns a complaint, or undefined when it was refused properly. */
  const attempt = async (route: string, request: BadRequest): Promise<string | undefined> => {
    const kinds = tried.get(route) ?? new Map<string, number>();
    kinds.set(request.kind, (kinds.get(request.kind) ?? 0) + 1);
    tried.set(route, kinds);
    const method = route.split(' ')[0];
    const response = await fetch(`${t.baseUrl}${request.path}${request.query ? `?${request.query}` : ''}`, {
      method,
      redirect: 'manual',
      headers: {
        authorization: `Bearer ${method === 'GET' ? admin : tokenFor('social_worker', 'fuzz')}`,
        accept: 'application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      body: request.body,
    });
    const text = await response.text();
    let message: unknown;
    try {
      message = (JSON.parse(text) as { message?: unknown }).message;
    } catch {
      message = undefined;
    }
    const clear = typeof message === 'string' && message.length > 0 && !STACK.test(text);
    if (response.status >= 400 && response.status < 500 && clear) return undefined;
    return `${request.kind}: ${response.status} ${text.slice(0, 300)} ← ${request.path}${request.query ? `?${request.query.slice(0, 100)}` : ''} ${request.body?.slice(0, 200) ?? ''}`;
  };

  const campaign = async (route: string, arbitrary: fc.Arbitrary<BadRequest>) => {
    const failures: string[] = [];
    await fc
      .assert(
        fc.asyncProperty(arbitrary, async (request) => {
          const complaint = await attempt(route, request);
          if (complaint) failures.push(complaint);
          return complaint === undefined;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      )
      // A refused request is reported by its complaint; anything else (a thrown error) as it is.
      .catch((error: unknown) => {
        if (failures.length === 0) failures.push(`${route}: ${String(error).slice(0, 500)}`);
      });
    return failures;
  };

  it('refuses bad bodies on every command route', async () => {
    const commands = operations.filter((op) => op.body);
    expect(commands.length).toBeGreaterThan(20);
    const codes = allEnumValues(operations);
    const failures: string[] = [];
    for (const op of commands)
      failures.push(...(await campaign(`${op.method} ${op.path}`, badBodies(op, childId, codes))));
    expect(failures).toEqual([]);
  }, 240_000);

  it('refuses a body over the size limit on every command route (413)', async () => {
    const huge = JSON.stringify({ effectiveDate: '2024-01-01', padding: 'x'.repeat(1_100_000) });
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.body)) {
      const path = op.path.replace(':id', childId);
      const complaint = await attempt(`${op.method} ${op.path}`, { kind: 'huge body', path, body: huge });
      if (complaint) failures.push(complaint.slice(0, 200));
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('refuses bad paths, page sizes, dates and parameters on every read route', async () => {
    const failures: string[] = [];
    let fuzzed = 0;
    for (const op of operations.filter((o) => o.method === 'GET')) {
      const arbitrary = badQueries(op, childId);
      if (!arbitrary) continue;
      fuzzed += 1;
      failures.push(...(await campaign(`${op.method} ${op.path}`, arbitrary)));
    }
    expect(fuzzed).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  }, 240_000);

  it('is still up, and the store is unchanged byte for byte', async () => {
    expect((await api.get('/health')).status).toBe(200);
    expect(storeFingerprint(t.sqliteFile)).toEqual(before);
  });
});
