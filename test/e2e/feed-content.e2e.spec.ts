/**
 * Review s14 F2 over real HTTP: the feed says which content it carries (fold version and drift
 * thresholds), so a job can tell a plain rebuild (same lines: its checkpoint carries on) from one
 * with other thresholds (other lines: it must re-read from 0). An app restarted on the same file
 * with a DR01 threshold of 10 working days serves the old log, says so, and after the rebuild a
 * checkpoint of the old content is refused; a council's extra bank holiday is noticed the same way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { rebuildOutcome } from './support/poll';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Page {
  status: number;
  lines: Record<string, unknown>[];
  last: { checkpoint?: string; content?: string };
  content: string | null;
  pending: string | null;
  body: unknown;
}

describe('feed content id (real HTTP app on a SQLite file, restarted with other thresholds)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cj-feed-content-'));
  const sqliteFile = join(dir, 'journeys.db');
  const job = tokenFor('reporting_job');
  const admin = tokenFor('admin');
  const saved = process.env.CARE_JOURNEY_DRIFT_THRESHOLDS;
  let t: TestApp | undefined;
  let api: ApiClient;

  const start = async (): Promise<void> => {
    t = await startTestApp({ sqliteFile });
    api = apiClient(t.baseUrl);
  };
  const page = async (query: string): Promise<Page> => {
    const response = await api.get<string>(`/feed?${query}`, { token: job });
    const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
    const lines =
      response.status === 200
        ? text
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as Record<string, unknown>)
        : [];
    const last = (lines.pop() ?? {}) as Page['last'];
    return {
      status: response.status,
      lines,
      last,
      content: response.headers.get('x-feed-content'),
      pending: response.headers.get('x-feed-content-pending'),
      body: response.body,
    };
  };
  const feedContentHealth = async (token?: string): Promise<Record<string, unknown>> => {
    const health = await api.get<{ feedContent: Record<string, unknown> }>(
      '/health/projections',
      token === undefined ? {} : { token },
    );
    expect(health.status).toBe(200);
    return health.body.feedContent;
  };
  const rebuild = async (): Promise<void> => {
    expect((await api.post('/admin/rebuild', {}, { token: admin })).status).toBe(202);
    expect((await rebuildOutcome(api, { token: admin })).state).toBe('done');
  };

  afterAll(async () => {
    await t?.close();
    if (saved === undefined) delete process.env.CARE_JOURNEY_DRIFT_THRESHOLDS;
    else process.env.CARE_JOURNEY_DRIFT_THRESHOLDS = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given a job caught up with its checkpoint and content id, When a plain rebuild runs, Then the content is the same and the checkpoint carries on; When thresholds change and the log is rebuilt, Then the old content is refused (409 feed-content-changed, field content), and /health/projections says a rebuild is due until it runs', async () => {
    delete process.env.CARE_JOURNEY_DRIFT_THRESHOLDS;
    await start();
    const social = tokenFor('social_worker', 'alice');
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'LA-CONTENT', effectiveDate: '2024-01-05' }),
      { token: social },
    );
    expect(registered.status).toBe(201);
    const started = await api.post<{ globalPosition: string }>(
      `/children/${registered.body.childId}/periods-of-care`,
      { ...startCareBody, effectiveDate: '2024-01-05' },
      { token: social },
    );
    expect(started.status).toBe(201);

    const first = await page(`minPosition=${started.body.globalPosition}`);
    expect(first.status).toBe(200);
    expect(first.content).toMatch(/^v\d+-[0-9a-f]{16}$/);
    expect(first.last.content).toBe(first.content);
    expect(first.pending).toBeNull();
    expect(await feedContentHealth(job)).toEqual({
      served: first.content,
      configured: first.content,
      rebuildDue: false,
    });
    const dr01 = (p: Page) =>
      p.lines.find((l) => l.kind === 'flag.opened' && String(l.key).startsWith('DR01/'));
    const { checkpoint } = first.last;
    const content = String(first.content);

    await rebuild();
    const same = await page(`after=${String(checkpoint)}&content=${content}`);
    expect({ status: same.status, content: same.content }).toEqual({ status: 200, content });

    await t?.close();
    process.env.CARE_JOURNEY_DRIFT_THRESHOLDS = '{"DR01":{"workingDays":10}}';
    await start();
    // The served log was written with the old thresholds: its content is the old one, the new is pending.
    const before = await page(`after=${String(checkpoint)}&content=${content}`);
    expect(before.status).toBe(200);
    expect(before.content).toBe(content);
    expect(before.pending).toMatch(/^v\d+-[0-9a-f]{16}$/);
    expect(before.pending).not.toBe(content);
    // The probe says so too (session 15): the cause, what to run, and to a signed-in caller both ids.
    const due = await feedContentHealth(job);
    expect(due).toMatchObject({
      served: content,
      configured: before.pending,
      rebuildDue: true,
      cause: 'thresholds',
    });
    expect(due.message).toEqual(expect.stringContaining('CARE_JOURNEY_DRIFT_THRESHOLDS'));
    expect(due.message).toEqual(expect.stringContaining('POST /admin/rebuild'));
    expect(await feedContentHealth()).toEqual({
      rebuildDue: true,
      cause: 'thresholds',
      message: due.message,
    });

    await rebuild();
    expect(await feedContentHealth(job)).toEqual({
      served: before.pending,
      configured: before.pending,
      rebuildDue: false,
    });
    const refused = await page(`after=${String(checkpoint)}&content=${content}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ rule: 'feed-content-changed', field: 'content' });
    const fresh = await page('after=0');
    expect(fresh.content).toBe(before.pending);
    expect(fresh.pending).toBeNull();
    // Re-read from 0, the DR01 flag has the new deadline (10 working days, not 20).
    expect(dr01(first)).toBeDefined();
    expect(dr01(fresh)?.data).not.toEqual(dr01(first)?.data);
  }, 120_000);

  it("Given the app restarted with a council's extra bank holiday (extraBankHolidays in CARE_JOURNEY_DRIFT_THRESHOLDS), Then /health/projections says a rebuild is due (cause thresholds), and after it the feed's content id is new and its DR01 deadline a working day later", async () => {
    // Left by the test above: DR01 at 10 working days, rebuilt, served and configured alike.
    const served = String((await page('after=0')).content);
    const dr01Due = async (): Promise<unknown> =>
      (await page('after=0')).lines.find((l) => l.kind === 'flag.opened' && String(l.key).startsWith('DR01/'))
        ?.data;
    // Care from Friday 5 January 2024: 10 working days end on Friday 19 January.
    expect(await dr01Due()).toMatchObject({ dueDate: '2024-01-19' });

    await t?.close();
    process.env.CARE_JOURNEY_DRIFT_THRESHOLDS =
      '{"DR01":{"workingDays":10},"extraBankHolidays":["2024-01-15"]}';
    await start();
    const due = await feedContentHealth(job);
    expect(due).toMatchObject({ served, rebuildDue: true, cause: 'thresholds' });
    expect(due.configured).toMatch(/^v\d+-[0-9a-f]{16}$/);
    expect(due.configured).not.toBe(served);

    await rebuild();
    expect(await feedContentHealth(job)).toEqual({
      served: due.configured,
      configured: due.configured,
      rebuildDue: false,
    });
    const fresh = await page('after=0');
    expect(fresh.content).toBe(due.configured);
    // Monday 15 January closed: the tenth working day is Monday 22 January.
    expect(await dr01Due()).toMatchObject({ dueDate: '2024-01-22' });
  }, 120_000);

  it('refuses a malformed content id naming the field', async () => {
    const bad = await api.get<{ errors: { field: string }[] }>('/feed?content=nope', { token: job });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'content' })]);
  });
});
