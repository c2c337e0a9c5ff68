/**
 * Review s14 F1 over real HTTP: a first review recorded after the start of care (back-entry) but held
 * in time. The feed reported DR01 open at the start of care (nothing else recorded yet); the review
 * shows there never was a breach, so the feed withdraws that opening: a job counting breaches from
 * the feed gets the child's flag history, not a one-day breach closed "by the step".
 */
import { apiClient, type ApiClient } from './support/http-client';
import { childFeed } from './support/child-feed';
import { registerBody, startCareBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

type Line = Record<string, unknown> & {
  checkpoint: string;
  kind?: string;
  key?: string;
  withdrawn?: string;
  data?: Record<string, unknown>;
};

describe('feed: a review recorded late but held in time (real HTTP app on a SQLite file)', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId = '';
  const social = tokenFor('social_worker', 'alice');
  const panel = tokenFor('panel_member');
  const job = tokenFor('reporting_job');

  const child = childFeed<Line>(() => ({ api, childId }), { writer: social, reader: job });
  const { record } = child;
  const feedLines = (minPosition: string): Promise<Line[]> => child.lines(`minPosition=${minPosition}`);

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'LA-INTIME', effectiveDate: '2024-01-05' }),
      { token: social },
    );
    expect(registered.status).toBe(201);
    childId = registered.body.childId;
  }, 60_000);
  afterAll(() => t.close());

  it('Given DR01 reported open (care started, no review recorded yet), When a review dated within 20 working days is recorded, Then the feed withdraws the opening and a consumer holds the flag history: no DR01 breach', async () => {
    const started = await record('periods-of-care', { ...startCareBody, effectiveDate: '2024-01-05' });
    const opened = await feedLines(started);
    expect(opened.filter((line) => line.key === 'DR01/2024-01-05').map((line) => line.kind)).toEqual([
      'flag.opened',
    ]);

    const reviewed = await record('reviews', { effectiveDate: '2024-01-20', participation: 'PN0' });
    const lines = await feedLines(reviewed);
    const dr01 = lines.filter((line) => line.key === 'DR01/2024-01-05');
    expect(dr01.map((line) => `${line.kind} ${line.withdrawn ?? ''}`)).toEqual([
      'flag.opened ',
      'change.withdrawn flag.opened',
    ]);
    expect(dr01.some((line) => line.kind === 'flag.closed')).toBe(false);

    // What a consumer applying every line holds of DR01 is what the child's flag history says.
    const held = new Set<string>();
    for (const line of lines)
      if (line.kind === 'change.withdrawn') held.delete(`${line.withdrawn}|${line.key}`);
      else if (line.kind?.startsWith('flag.')) held.add(`${line.kind}|${line.key}`);
    const flags = await api.get<{ history: { ruleId: string }[]; flags: { ruleId: string }[] }>(
      `/children/${childId}/flags?minPosition=${reviewed}`,
      { token: panel },
    );
    expect(flags.status).toBe(200);
    expect(flags.body.history.filter((entry) => entry.ruleId === 'DR01')).toEqual([]);
    expect([...held].filter((id) => id.includes('DR01/'))).toEqual([]);
  });
});
