/**
 * GET /feed over real HTTP: changes recorded through the API come out in order; a job resumes
 * from the returned checkpoint and gets only what is new; a rebuild gives the same feed; reporting
 * jobs see no names or direct identifiers.
 */
import { apiClient, type ApiClient } from './support/http-client';
import { childFeed } from './support/child-feed';
import { ndjsonLines } from './support/ndjson-lines';
import { rebuildOutcome } from './support/poll';
import { moveBody, registerBody, startCareBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

type Line = Record<string, unknown> & { checkpoint: string; kind?: string; position?: string };

const parseNdjson = (body: unknown): Line[] => ndjsonLines<Line>(body);

describe('GET /feed (projection changes, real HTTP app on a SQLite file)', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId = '';
  const social = tokenFor('social_worker', 'alice');
  const job = tokenFor('reporting_job');

  const { record } = childFeed<Line>(() => ({ api, childId }), { writer: social, reader: job });

  const page = async (
    query: string,
    token = job,
  ): Promise<{ changes: Line[]; checkpoint: string; header: string | null }> => {
    const response = await api.get<string>(`/feed?${query}`, { token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = parseNdjson(response.body);
    const last = lines.pop() as Line;
    return { changes: lines, checkpoint: last.checkpoint, header: response.headers.get('x-next-checkpoint') };
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'LA-FEED-1' }),
      { token: social },
    );
    expect(registered.status).toBe(201);
    childId = registered.body.childId;
  }, 60_000);
  afterAll(() => t.close());

  it('gives the changes from 0 in order, then only the new ones from the returned checkpoint', async () => {
    await record('periods-of-care', startCareBody);
    const firstWrite = await record('placement-changes', moveBody('2023-03-15', 'U6', 'PR4', 'LS2 7AB'));
    const first = await page(`after=0&minPosition=${firstWrite}`);
    expect(first.header).toBe(first.checkpoint);
    expect(first.checkpoint).toBe(firstWrite);
    const kinds = first.changes.map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(['care.started', 'placement.changed']));
    expect(first.changes.every((c) => c.childId === childId && c.childRef === 'LA-FEED-1')).toBe(true);
    const order = first.changes.map((c) => c.checkpoint.split('.').map(Number));
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));

    // Nothing new: no changes. The checkpoint stays, or moves past the first page's own read-access
    // trail entry (an event in the log but no change) once the projector has passed it: a race the
    // spec lost in a session 17 CI run, so it allows both and never a change.
    const idle = await page(`after=${first.checkpoint}`);
    expect(idle.changes).toEqual([]);
    expect(BigInt(idle.checkpoint)).toBeGreaterThanOrEqual(BigInt(first.checkpoint));
    expect(BigInt(idle.checkpoint)).toBeLessThanOrEqual(BigInt(first.checkpoint) + 1n);

    await record('permanence-plan', { effectiveDate: '2023-04-20', route: 'adoption' });
    const lastWrite = await record('periods-of-care/end', { effectiveDate: '2023-06-01', reason: 'E13' });
    const next = await page(`after=${first.checkpoint}&minPosition=${lastWrite}`);
    expect(next.changes.map((c) => c.kind)).toEqual(expect.arrayContaining(['plan.set', 'care.ended']));
    expect(next.changes.every((c) => BigInt(c.position ?? '0') > BigInt(first.checkpoint))).toBe(true);
    expect(next.checkpoint).toBe(lastWrite);

    // The same feed read one change per page (checkpoints inside an event) is the same feed.
    const paged: Line[] = [];
    let after = '0';
    for (let i = 0; i < 100; i++) {
      const p = await page(`after=${after}&limit=1`);
      paged.push(...p.changes);
      if (p.changes.length === 0) break;
      after = p.checkpoint;
    }
    expect(paged).toEqual([...first.changes, ...next.changes]);
  });

  it('reporting jobs get no names or direct identifiers; case readers get the same changes', async () => {
    const asJob = await page('after=0');
    const text = JSON.stringify(asJob.changes);
    expect(text).not.toMatch(/Sam Taylor|A123456789012|LS6 2AB|2022-01-10/);
    expect(text).not.toMatch(/"name"/);
    const asPanel = await page('after=0', tokenFor('panel_member'));
    expect(asPanel.changes).toEqual(asJob.changes);
  });

  it('a rebuild regenerates the same feed: checkpoints stay valid', async () => {
    const before = await page('after=0');
    const admin = tokenFor('admin');
    expect((await api.post('/admin/rebuild', {}, { token: admin })).status).toBe(202);
    expect((await rebuildOutcome(api, { token: admin })).state).toBe('done');
    expect((await page('after=0')).changes).toEqual(before.changes);
  }, 90_000);

  it('refuses a bad checkpoint naming the field, and roles without access', async () => {
    const bad = await api.get<{ errors: { field: string }[] }>('/feed?after=12.x', { token: job });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'after' })]);
    expect((await api.get('/feed', { token: social })).status).toBe(403);
  });
});
