import { apiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

/** `asReturned` (E8 kept on the 18th birthday) is the 903 import's alone: no API client may send it. */
describe('POST /children/:id/periods-of-care/end: asReturned is not an API field', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('Given a child in care, When an end of care is sent with asReturned, Then 400 names the field and nothing is recorded', async () => {
    const api = apiClient(t.baseUrl);
    const sw = { token: tokenFor('social_worker', 'sw.demo') };
    const { childId } = (
      await api.post<{ childId: string }>('/children', registerBody({ childRef: 'ASRET-1' }), sw)
    ).body;
    expect((await api.post(`/children/${childId}/periods-of-care`, startCareBody, sw)).status).toBe(201);
    const head = await t.store.headPosition();
    const refused = await api.post<{ errors: { field: string; rule: string }[] }>(
      `/children/${childId}/periods-of-care/end`,
      { effectiveDate: '2023-03-01', reason: 'E8', asReturned: true },
      sw,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'asReturned', rule: 'whitelistValidation' }),
    ]);
    expect(await t.store.headPosition()).toBe(head);
  });
});
