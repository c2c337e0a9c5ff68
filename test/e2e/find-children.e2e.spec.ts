import { apiClient, type ApiClient } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

type Found = {
  children: Record<string, unknown>[];
  paging: { page: number; pageSize: number; total: number; pages: number };
};
type ErrorBody = { errors: { field: string; rule: string; message: string }[] };

describe('GET /children: find a registered child by name or 903 reference', () => {
  let t: TestApp;
  let api: ApiClient;
  const sw = { token: tokenFor('social_worker', 'alice') };
  let position = '0';

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    for (const [childRef, name] of [
      ['FIND-1', 'Sam Taylor'],
      ['FIND-2', 'Samira Jones'],
      ['FIND-3', 'Alex Brown'],
    ]) {
      const answer = await api.post<{ globalPosition: string }>(
        '/children',
        registerBody({ childRef, name }),
        sw,
      );
      expect(answer.status).toBe(201);
      position = answer.body.globalPosition;
    }
  });
  afterAll(async () => t.close());

  it('Given three registered children, none in care or flagged, When a social worker searches "sam", Then both Sams come back by name, without UPN or postcode', async () => {
    const found = await api.get<Found>(`/children?q=sam&minPosition=${position}`, sw);
    expect(found.status).toBe(200);
    expect(found.body.children.map((c) => [c.childRef, c.name])).toEqual([
      ['FIND-1', 'Sam Taylor'],
      ['FIND-2', 'Samira Jones'],
    ]);
    expect(found.body.children[0]).not.toHaveProperty('upn');
    expect(found.body.children[0]).not.toHaveProperty('homePostcode');
    expect(found.body.paging).toEqual({ page: 1, pageSize: 100, total: 2, pages: 1 });
  });

  it('finds by reference in another case, and pages the whole list', async () => {
    const byRef = await api.get<Found>(`/children?q=find-3&minPosition=${position}`, {
      token: tokenFor('panel_member'),
    });
    expect(byRef.body.children.map((c) => c.name)).toEqual(['Alex Brown']);
    const second = await api.get<Found>('/children?page=2&pageSize=2', { token: tokenFor('auditor') });
    expect(second.body.paging).toEqual({ page: 2, pageSize: 2, total: 3, pages: 2 });
    expect(second.body.children).toHaveLength(1);
  });

  it('refuses reporting jobs (they see no names) and callers without a token', async () => {
    expect((await api.get('/children?q=sam', { token: tokenFor('reporting_job') })).status).toBe(403);
    expect((await api.get('/children?q=sam')).status).toBe(401);
  });

  it('refuses a search over 100 characters and a parameter it does not take, naming each', async () => {
    const long = await api.get<ErrorBody>(`/children?q=${'x'.repeat(101)}`, sw);
    expect(long.status).toBe(400);
    expect(long.body.errors).toEqual([expect.objectContaining({ field: 'q', rule: 'maxLength' })]);
    const unknown = await api.get<ErrorBody>('/children?name=sam', sw);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: 'name', rule: 'whitelistValidation' }),
    ]);
  });
});
