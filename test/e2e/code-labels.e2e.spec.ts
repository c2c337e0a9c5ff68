import { apiClient } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

/** Frontline review F10: codes a worker cannot choose between say so, and whom to ask. */
describe('record forms: Z11–Z14 and UN1–UN5 in words', () => {
  let t: TestApp;
  const sw = tokenFor('social_worker', 'sw.demo');
  const page = async (path: string) =>
    (await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${sw}` } })).text();

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('Given the registration form, Then the UPN hint names UN1’s case and sends UN2–UN5 to the 903 lead', async () => {
    const html = await page('/panel/children/new');
    expect(html).toContain(
      'Without a UPN: UN1 if the child is not of school age and has no UPN yet (903 rule 209); UN2–UN5 only as your 903 lead directs',
    );
    expect(html).not.toContain('where the DfE allows an unknown UPN');
  });

  it('Given a registered child, When the entry-to-care form opens, Then Z11–Z14 each read “meaning not yet confirmed — ask your 903 lead”', async () => {
    const registered = await apiClient(t.baseUrl).post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'CODES-1' }),
      { token: sw },
    );
    expect(registered.status).toBe(201);
    // The form itself waits for the read models to hold the child (record-form-child.ts, 5032831).
    const html = await page(`/panel/children/${registered.body.childId}/record/entry-to-care`);
    for (const code of ['Z11', 'Z12', 'Z13', 'Z14'])
      expect(html).toMatch(
        new RegExp(
          `${code}: Other placement \\(2025/26 subdivision of Z1\\): meaning not yet confirmed — ask your 903 lead`,
        ),
      );
  });
});
