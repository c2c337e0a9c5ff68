import { apiClient, type ApiClient } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { logWithoutTrail } from './support/log-snapshot';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

type ErrorBody = { errors: { field: string; rule: string; message: string }[] };

/** The security review's repro (D12) over HTTP: hidden and control characters refused, nothing recorded. */
describe('POST /children: free text with control, bidi-override or zero-width characters', () => {
  let t: TestApp;
  let api: ApiClient;
  const worker = { token: tokenFor('social_worker', 'alice') };

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
  });
  afterAll(() => t.close());

  it('refuses a reversed name and a socialWorker with NUL and CRLF: 400 naming each field, nothing recorded', async () => {
    const before = await logWithoutTrail(t.store);
    const refused = await api.post<ErrorBody>(
      '/children',
      registerBody({
        childRef: 'PT-1',
        name: 'Ruby \u202eyrreB\u202c \u200bSmith',
        socialWorker: 'a\u0000b\r\n=1+1',
      }),
      worker,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map(({ field, rule }) => `${field} ${rule}`)).toEqual([
      'name isPlainText',
      'socialWorker isPlainText',
    ]);
    expect(await logWithoutTrail(t.store)).toEqual(before);
    const plain = await api.post(
      '/children',
      registerBody({ childRef: 'PT-2', name: 'Ruby Berry Smith' }),
      worker,
    );
    expect(plain.status).toBe(201);
  });
});
