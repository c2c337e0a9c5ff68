/**
 * A late first review over real HTTP: the permanence-plan flag (DR04) that was open under the old
 * deadline stays in the child's flag history, closed as no longer applying on the review's date,
 * and the feed closes it (flag.closed), never withdraws it (change.withdrawn is for corrections).
 */
import { apiClient, type ApiClient } from './support/http-client';
import { childFeed } from './support/child-feed';
import { registerBody, startCareBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

type Line = Record<string, unknown> & { checkpoint: string; kind?: string; key?: string };
interface HistoryEntry {
  ruleId: string;
  key: string;
  dueDate: string;
  openedOn: string;
  closedOn?: string;
  closedBy?: string;
}
interface ChildFlags {
  flags: { ruleId: string; dueDate: string }[];
  history: HistoryEntry[];
}

describe('a late step that re-dates an open flag (real HTTP app on a SQLite file)', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId = '';
  const social = tokenFor('social_worker', 'alice');
  const panel = tokenFor('panel_member');
  const job = tokenFor('reporting_job');

  const child = childFeed<Line>(() => ({ api, childId }), { writer: social, reader: job });
  const { record } = child;
  const flags = async (query: string): Promise<ChildFlags> => {
    const response = await api.get<ChildFlags>(`/children/${childId}/flags?${query}`, { token: panel });
    expect(response.status).toBe(200);
    return response.body;
  };
  const feed = (after: string, minPosition: string): Promise<Line[]> =>
    child.lines(`after=${after}&minPosition=${minPosition}`);

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'LA-LATE-1', effectiveDate: '2024-01-05' }),
      { token: social },
    );
    expect(registered.status).toBe(201);
    childId = registered.body.childId;
  }, 60_000);
  afterAll(() => t.close());

  it('Given DR04 open (no first review), When the first review is held late, Then history and feed close it as no_longer_applies', async () => {
    const started = await record('periods-of-care', {
      ...startCareBody,
      effectiveDate: '2024-01-05',
      legalStatus: 'C2',
    });
    const before = await flags(`asAt=2024-08-31&minPosition=${started}`);
    const dr04 = before.flags.find((flag) => flag.ruleId === 'DR04');
    expect(dr04).toBeDefined();
    const oldDue = (dr04 as { dueDate: string }).dueDate;
    // Recorded today: the feed's clock is past 31 August 2024, so DR04 is reported open.
    const opened = await feed('0', started);
    expect(opened.map((line) => `${line.kind} ${line.key}`)).toEqual(
      expect.arrayContaining(['flag.opened DR01/2024-01-05', 'flag.opened DR04/2024-01-05']),
    );
    const checkpoint = String(opened.at(-1)?.checkpoint);

    const reviewed = await record('reviews', { effectiveDate: '2024-09-01', participation: 'PN0' });
    const after = await flags(`minPosition=${reviewed}`);
    expect(after.history.filter((entry) => entry.key === '2024-01-05' && entry.ruleId === 'DR04')).toEqual([
      expect.objectContaining({
        dueDate: oldDue,
        closedOn: '2024-09-01',
        closedBy: 'no_longer_applies',
      }),
    ]);
    // As at the eve of the review, it was open: the two views agree.
    expect((await flags('asAt=2024-08-31')).flags.map((flag) => flag.ruleId)).toContain('DR04');

    const lines = await feed(checkpoint, reviewed);
    expect(lines.filter((line) => line.kind === 'change.withdrawn')).toEqual([]);
    expect(lines.filter((line) => line.key === 'DR04/2024-01-05')).toEqual([
      expect.objectContaining({
        kind: 'flag.closed',
        data: expect.objectContaining({
          dueDate: oldDue,
          closedOn: '2024-09-01',
          reason: 'no_longer_applies',
        }),
      }),
    ]);
  });
});
