/**
 * Panel review F7 on the real app: "when did the council know the review was late, and what did the
 * panel see then?". A first review held late and recorded later still: a child's flags as known at an
 * instant before the recording show DR01 open; as known after it, closed on the review's date (the
 * breach kept in the history). The case-history replay carries the same flag history.
 */
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface HistoryEntry {
  ruleId: string;
  dueDate: string;
  openedOn: string;
  closedOn?: string;
  closedBy?: string;
}
interface FlagsBody {
  childId: string;
  childRef: string;
  asAt: string;
  knownAt?: string;
  eventsKnown?: number;
  flags: { ruleId: string; dueDate: string }[];
  dueSoon: unknown[];
  history: HistoryEntry[];
}
type ErrorsBody = { errors: { field: string; rule: string; message: string }[] };

const pause = () => new Promise((resolve) => setTimeout(resolve, 15));
// In care from 6 February 2023: the first review was due 20 working days later, on 6 March 2023.
const DUE = '2023-03-06';
const HELD_LATE = '2023-04-20';

describe("a child's flags as known at an instant (real HTTP app on a SQLite file)", () => {
  let t: TestApp;
  let api: ApiClient;
  let childId = '';
  let beforeReview = '';
  let afterReview = '';
  let reviewedAt = '';
  const social = tokenFor('social_worker', 'alice');
  const auditor = { token: tokenFor('auditor') };

  const post = async (path: string, body: Record<string, unknown>) => {
    const response = await api.post<{ globalPosition: string; childId: string }>(path, body, {
      token: social,
    });
    if (response.status !== 201)
      throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    await pause();
    return response.body;
  };
  const flags = async (query: string, as = auditor) => {
    const response = await api.get<FlagsBody>(`/children/${childId}/flags?${query}`, as);
    expect(response.status).toBe(200);
    return response.body;
  };
  const dr01 = (body: { history: HistoryEntry[] }) => body.history.filter((entry) => entry.ruleId === 'DR01');

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    childId = (await post('/children', registerBody({ childRef: 'LA-KNOWN-1' }))).childId;
    await post(`/children/${childId}/periods-of-care`, startCareBody);
    beforeReview = new Date().toISOString();
    await pause();
    const reviewed = await post(`/children/${childId}/reviews`, {
      effectiveDate: HELD_LATE,
      participation: 'PN0',
    });
    reviewedAt = reviewed.globalPosition;
    afterReview = new Date().toISOString();
  }, 60_000);
  afterAll(() => t.close());

  it('Given the late review not yet recorded, When the flags are read as known then, Then DR01 is open and its history entry not closed', async () => {
    const before = await flags(`knownAt=${beforeReview}`);
    expect(before).toMatchObject({ childId, childRef: 'LA-KNOWN-1', knownAt: beforeReview, eventsKnown: 2 });
    // Judged on the day of knownAt in England by default: today.
    expect(before.flags).toContainEqual(expect.objectContaining({ ruleId: 'DR01', dueDate: DUE }));
    expect(dr01(before)).toEqual([expect.objectContaining({ dueDate: DUE })]);
    expect(dr01(before)[0].closedOn).toBeUndefined();
  });

  it('Given the review recorded, When the flags are read as known after it, Then DR01 is closed on the review date and the breach kept', async () => {
    const after = await flags(`knownAt=${afterReview}`);
    expect(after.eventsKnown).toBe(3);
    expect(after.flags.map((flag) => flag.ruleId)).not.toContain('DR01');
    expect(dr01(after)).toEqual([expect.objectContaining({ dueDate: DUE, closedOn: HELD_LATE })]);
  });

  it('Given an asAt inside the breach and knownAt after the recording, Then DR01 was open on that date', async () => {
    const body = await flags(`asAt=2023-04-01&knownAt=${afterReview}`);
    expect(body.asAt).toBe('2023-04-01');
    expect(body.flags.map((flag) => flag.ruleId)).toContain('DR01');
  });

  it('Given knownAt now, Then the flags are those of the read model (the route without knownAt)', async () => {
    const live = await flags(`minPosition=${reviewedAt}`);
    const known = await flags(`knownAt=${new Date().toISOString()}`);
    expect({ flags: known.flags, dueSoon: known.dueSoon, history: known.history, asAt: known.asAt }).toEqual({
      flags: live.flags,
      dueSoon: live.dueSoon,
      history: live.history,
      asAt: live.asAt,
    });
  });

  it('Given the panel, When it reads the flags as known at an instant, Then it may (as on the case-history replay); a reporting job may not', async () => {
    const panel = await flags(`knownAt=${beforeReview}`, { token: tokenFor('panel_member') });
    expect(panel.flags.map((flag) => flag.ruleId)).toContain('DR01');
    const job = await api.get(`/children/${childId}/flags?knownAt=${beforeReview}`, {
      token: tokenFor('reporting_job'),
    });
    expect(job.status).toBe(403);
  });

  it('Given a bad or out-of-range knownAt, Then 400 names knownAt and its rule', async () => {
    const bad = await api.get<ErrorsBody>(`/children/${childId}/flags?knownAt=yesterday`, auditor);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => [e.field, e.rule])).toEqual([['knownAt', 'isInstantOrDate']]);
    expect(bad.body.errors[0].message).toContain('ISO-8601 instant with a zone');
    const local = await api.get<ErrorsBody>(
      `/children/${childId}/flags?knownAt=2026-01-01T09:00:00`,
      auditor,
    );
    expect(local.status).toBe(400);
    const farFuture = await api.get<ErrorsBody>(
      `/children/${childId}/flags?knownAt=9999-01-01T00:00:00Z`,
      auditor,
    );
    expect(farFuture.status).toBe(400);
    expect(farFuture.body.errors.map((e) => e.field)).toEqual(['knownAt']);
  });

  it('Given a bare date, Then it is the end of that day in England; an unknown child is 404', async () => {
    const body = await flags('knownAt=2023-02-01');
    expect(body).toMatchObject({ knownAt: '2023-02-01T23:59:59.999Z', asAt: '2023-02-01', eventsKnown: 0 });
    expect(body.flags).toEqual([]);
    const unknown = await api.get(
      '/children/00000000-0000-4000-8000-000000000000/flags?knownAt=2023-02-01',
      auditor,
    );
    expect(unknown.status).toBe(404);
  });

  it('Given knownAt, When the flags are read as CSV, Then the file name says known at which instant', async () => {
    const csv = await api.get<string>(`/children/${childId}/flags?knownAt=${beforeReview}`, {
      ...auditor,
      headers: { accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    const instant = beforeReview.replace(/[-:.]/g, '');
    expect(csv.headers.get('content-disposition')).toMatch(
      new RegExp(`filename="flags-LA-KNOWN-1-known-${instant}-\\d{4}-\\d{2}-\\d{2}\\.csv"`),
    );
    expect(csv.body).toContain('DR01');
  });

  it('Given the case-history replay as known before the recording, Then its drift carries the same flag history', async () => {
    const replay = await api.get<{ drift: { history: HistoryEntry[] } }>(
      `/children/${childId}/history?knownAt=${beforeReview}`,
      auditor,
    );
    expect(replay.status).toBe(200);
    expect(replay.body.drift.history).toEqual((await flags(`knownAt=${beforeReview}`)).history);
  });
});
