/**
 * Statutory visits (reg 28) on the real app: recorded with POST /children/:id/visits, refused with
 * the field and rule named, the note withheld from the panel, and drift rule DR14 (with the
 * authority recording visits from 2023) in the live read model, the drift report, after a rebuild
 * and as known at an instant before a late visit was recorded.
 */
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { rebuildOutcome } from './support/poll';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Flag {
  ruleId: string;
  dueDate: string;
  daysOverdue: number;
  evidence: string[];
}
interface HistoryEntry {
  ruleId: string;
  dueDate: string;
  openedOn: string;
  closedOn?: string;
}
interface FlagsBody {
  flags: Flag[];
  history: HistoryEntry[];
}
type ErrorsBody = { errors: { field: string; rule: string }[] };
type RefusalBody = { field: string; rule: string };

// In care from 6 February 2023 (U6); visited 10 February; the next visit was due 6 weeks later, on
// 24 March 2023, and was made late on 30 March.
const NOTE = 'Misses her brother Tomasz; asked for more contact';
const DUE = '2023-03-24';
const VISITED_LATE = '2023-03-30';
const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

describe('statutory visits and DR14 (real HTTP app on a SQLite file)', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId = '';
  let firstVisitId = '';
  let position = '';
  let beforeLateVisit = '';
  let saved: string | undefined;
  const social = { token: tokenFor('social_worker', 'alice') };
  const auditor = { token: tokenFor('auditor') };
  const panel = { token: tokenFor('panel_member') };

  const post = async (path: string, body: Record<string, unknown>) => {
    const response = await api.post<{ globalPosition: string; childId: string; events: { id: string }[] }>(
      path,
      body,
      social,
    );
    if (response.status !== 201)
      throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    position = response.body.globalPosition;
    await pause();
    return response.body;
  };
  const flags = async (query: string) => {
    const response = await api.get<FlagsBody>(`/children/${childId}/flags?${query}`, auditor);
    expect(response.status).toBe(200);
    return response.body;
  };
  const dr14 = <T extends { ruleId: string }>(list: T[]) => list.filter((entry) => entry.ruleId === 'DR14');

  beforeAll(async () => {
    saved = process.env.CARE_JOURNEY_DRIFT_THRESHOLDS;
    process.env.CARE_JOURNEY_DRIFT_THRESHOLDS = '{"DR14":{"recordedFrom":"2023-01-01"}}';
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    childId = (await post('/children', registerBody({ childRef: 'LA-VISIT-1' }))).childId;
    await post(`/children/${childId}/periods-of-care`, startCareBody);
    const visit = await post(`/children/${childId}/visits`, {
      effectiveDate: '2023-02-10',
      seenAlone: true,
      visitNote: NOTE,
    });
    firstVisitId = visit.events[0].id;
    beforeLateVisit = new Date().toISOString();
    await pause();
    await post(`/children/${childId}/visits`, { effectiveDate: VISITED_LATE, seenAlone: false });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    if (saved === undefined) delete process.env.CARE_JOURNEY_DRIFT_THRESHOLDS;
    else process.env.CARE_JOURNEY_DRIFT_THRESHOLDS = saved;
  });

  it('Given a visit without seenAlone, When it is sent, Then 400 names the field', async () => {
    const answer = await api.post<ErrorsBody>(
      `/children/${childId}/visits`,
      { effectiveDate: '2023-02-11' },
      social,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toContainEqual(expect.objectContaining({ field: 'seenAlone' }));
  });

  it('Given a visit dated before care started, When it is sent, Then 422 names the rule and the date, and nothing is recorded', async () => {
    const before = (await api.get<{ total?: number }>(`/children/${childId}/events`, social)).body;
    const answer = await api.post<RefusalBody>(
      `/children/${childId}/visits`,
      { effectiveDate: '2023-02-01', seenAlone: true },
      social,
    );
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      field: 'effectiveDate',
      rule: 'statutory-visit-outside-period-of-care',
    });
    expect((await api.get(`/children/${childId}/events`, social)).body).toEqual(before);
  });

  it('Given the live read model, When read as at the due date, Then DR14 is not open; the day after, it is, resting on the first visit', async () => {
    expect(dr14((await flags(`asAt=${DUE}&minPosition=${position}`)).flags)).toEqual([]);
    expect(dr14((await flags(`asAt=2023-03-25&minPosition=${position}`)).flags)).toEqual([
      expect.objectContaining({ dueDate: DUE, daysOverdue: 1, evidence: [firstVisitId] }),
    ]);
  });

  it('Given the late visit, Then DR14 is closed from that day and the breach stays in the history', async () => {
    const body = await flags(`asAt=2023-04-01&minPosition=${position}`);
    expect(dr14(body.flags)).toEqual([]);
    expect(dr14(body.history)).toContainEqual(
      expect.objectContaining({ dueDate: DUE, openedOn: '2023-03-25', closedOn: VISITED_LATE }),
    );
  });

  it('Given the drift report as at 25 March 2023, Then it lists the child under DR14', async () => {
    const report = await api.get<{ children: { childId: string; flags: Flag[] }[] }>(
      `/drift-report?asAt=2023-03-25&rule=DR14&minPosition=${position}`,
      auditor,
    );
    expect(report.status).toBe(200);
    const row = report.body.children.find((child) => child.childId === childId);
    expect(dr14(row?.flags ?? [])).toEqual([expect.objectContaining({ dueDate: DUE })]);
  });

  it('Given an instant before the late visit was recorded, When the flags are read as known then, Then DR14 was still open on 1 April', async () => {
    const body = await flags(`asAt=2023-04-01&knownAt=${beforeLateVisit}`);
    expect(dr14(body.flags)).toEqual([expect.objectContaining({ dueDate: DUE, daysOverdue: 8 })]);
  });

  it('Given the panel, When it replays the case history, Then it sees the visits but not the note', async () => {
    const history = await api.get(`/children/${childId}/history`, panel);
    expect(history.status).toBe(200);
    const text = JSON.stringify(history.body);
    expect(text).toContain('StatutoryVisitRecorded');
    expect(text).not.toContain('Tomasz');
    const own = await api.get(`/children/${childId}/history`, social);
    expect(JSON.stringify(own.body)).toContain('Tomasz');
  });

  it('Given the child page today, Then it shows DR14 open (no visit since 30 March 2023) and offers the visit form, which opens', async () => {
    const page = async (path: string) => {
      const response = await fetch(`${t.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${social.token}` },
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    const child = await page(`/panel/children/${childId}`);
    expect(child).toContain('Statutory visit due');
    expect(child).toContain(`/panel/children/${childId}/record/visit`);
    const form = await page(`/panel/children/${childId}/record/visit`);
    expect(form).toContain('Was the child seen alone?');
  });

  it('Given a rebuild of the read models, Then the flags and their history are the same', async () => {
    const before = await flags(`asAt=2023-04-01&minPosition=${position}`);
    const admin = { token: tokenFor('admin') };
    expect((await api.post('/admin/rebuild', {}, admin)).status).toBe(202);
    expect((await rebuildOutcome(api, admin)).state).toBe('done');
    expect(await flags(`asAt=2023-04-01&minPosition=${position}`)).toEqual(before);
  }, 90_000);
});
