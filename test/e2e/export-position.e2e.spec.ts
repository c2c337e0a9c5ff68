/**
 * Review s14 F5 over real HTTP: a job fetching the 903 tables one by one gets them from one log
 * position (X-Log-Position of the first, passed back as atPosition), so a child recorded between two
 * requests is in neither or both; read-model exports say the position their rows hold.
 */
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

describe('903 and read-model exports tied to a log position (real HTTP app on a SQLite file)', () => {
  let t: TestApp;
  let api: ApiClient;
  const job = tokenFor('reporting_job');
  const social = tokenFor('social_worker', 'alice');

  const childInCare = async (childRef: string, placement = startCareBody.placement): Promise<string> => {
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef, effectiveDate: '2023-06-01' }),
      { token: social },
    );
    expect(registered.status).toBe(201);
    const started = await api.post<{ globalPosition: string }>(
      `/children/${registered.body.childId}/periods-of-care`,
      { ...startCareBody, effectiveDate: '2023-06-05', placement },
      { token: social },
    );
    expect(started.status).toBe(201);
    return started.body.globalPosition;
  };
  const table = (name: string, extra = '') =>
    api.get<string>(`/exports/903?yearEnding=2024-03-31&table=${name}${extra}`, { token: job });

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    await childInCare('LA-POS-1');
  }, 60_000);
  afterAll(() => t.close());

  it("Given the Header fetched, When a child is recorded and Episodes is fetched at the Header's position, Then the new child is in neither; without atPosition it is in Episodes and the position moved on", async () => {
    const header = await table('header');
    expect(header.status).toBe(200);
    const position = header.headers.get('x-log-position');
    expect(position).toMatch(/^\d+$/);
    expect(header.body).not.toContain('LA-POS-2');

    const later = await childInCare('LA-POS-2');
    const same = await table('episodes', `&atPosition=${String(position)}`);
    expect(same.status).toBe(200);
    expect(same.headers.get('x-log-position')).toBe(position);
    expect(same.body).toContain('LA-POS-1');
    expect(same.body).not.toContain('LA-POS-2');

    const now = await table('episodes');
    expect(now.body).toContain('LA-POS-2');
    expect(BigInt(String(now.headers.get('x-log-position')))).toBeGreaterThanOrEqual(BigInt(later));

    const json = await api.get<{ logPosition: string }>(
      `/exports/903?yearEnding=2024-03-31&atPosition=${String(position)}`,
      {
        token: job,
      },
    );
    expect(json.status).toBe(200);
    expect(json.body.logPosition).toBe(position);
  });

  it('refuses an atPosition past the head (409 naming atPosition) and a malformed one (400 naming atPosition)', async () => {
    const ahead = await table('header', '&atPosition=99999999');
    expect(ahead.status).toBe(409);
    expect(ahead.body).toMatchObject({ rule: 'checkpoint-ahead-of-log', field: 'atPosition' });
    const bad = await api.get<{ errors: { field: string }[] }>(
      '/exports/903?yearEnding=2024-03-31&atPosition=x',
      {
        token: job,
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'atPosition' })]);
  });

  it("Given a read-model export, Then X-Log-Position is the read models' checkpoint its rows hold", async () => {
    const recorded = await childInCare('LA-POS-3');
    const health = await api.get<string>(`/feed?minPosition=${recorded}&limit=1`, { token: job });
    expect(health.status).toBe(200);
    const rows = await api.get<string>('/exports/read-models/child-summaries?format=ndjson', { token: job });
    expect(rows.status).toBe(200);
    expect(BigInt(String(rows.headers.get('x-log-position')))).toBeGreaterThanOrEqual(BigInt(recorded));
    expect(String(rows.body)).toContain('LA-POS-3');
  });

  // Review s14 F6: the API gave no self-check, so a job on it could submit a failing return unseen.
  it('Given a child placed in U6 without a URN (903 rule 218), Then the JSON return carries the self-check failure and a one-table CSV the counts', async () => {
    const { urn: _none, ...withoutUrn } = startCareBody.placement;
    await childInCare('LA-POS-4', withoutUrn as typeof startCareBody.placement);
    const json = await api.get<{ selfCheck: { failures: Record<string, string>[]; warnings: unknown[] } }>(
      '/exports/903?yearEnding=2024-03-31',
      { token: job },
    );
    expect(json.status).toBe(200);
    expect(json.body.selfCheck.failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: '218', table: 'Episodes', child: 'LA-POS-4' }),
      ]),
    );
    expect(json.body.selfCheck.warnings).toEqual([]);
    const csv = await table('header');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('x-care-journey-self-check-failures')).toBe(
      String(json.body.selfCheck.failures.length),
    );
    expect(csv.headers.get('x-care-journey-self-check-warnings')).toBe('0');
  });

  // Review s14 F10: the withdrawn registration stayed as a blank row a job counted as a child.
  it('Given a registration withdrawn as made in error, When child-summaries is exported, Then it has no row', async () => {
    const registered = await api.post<{ childId: string; events: { id: string }[] }>(
      '/children',
      registerBody({ childRef: 'LA-POS-5', effectiveDate: '2023-06-01' }),
      { token: social },
    );
    expect(registered.status).toBe(201);
    const withdrawn = await api.post<{ globalPosition: string }>(
      `/children/${registered.body.childId}/corrections/retract-registration`,
      { reason: 'Registered twice' },
      { token: tokenFor('admin') },
    );
    expect(withdrawn.status).toBe(201);
    expect(
      (await api.get(`/feed?minPosition=${withdrawn.body.globalPosition}&limit=1`, { token: job })).status,
    ).toBe(200);
    const rows = await api.get<string>('/exports/read-models/child-summaries?format=ndjson', { token: job });
    expect(rows.status).toBe(200);
    const ids = String(rows.body)
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { childId: string }).childId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(registered.body.childId);
  });
});
