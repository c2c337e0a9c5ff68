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

  it('takes names that need a ZWNJ or ZWJ (Persian, Devanagari, Malayalam) and stores them as sent; refuses one between Latin letters', async () => {
    const names = ['علی\u200cرضا مهدی\u200cزاده', 'विद्\u200dया', 'അന്\u200dവര്\u200d'];
    for (const [i, name] of names.entries()) {
      const registered = await api.post<{ childId: string }>(
        '/children',
        registerBody({ childRef: `PT-J${i}`, name }),
        worker,
      );
      expect(registered.status).toBe(201);
      const read = await api.get<{ child: { name: string } }>(`/children/${registered.body.childId}`, worker);
      expect(read.body.child.name).toBe(name);
    }
    const before = await logWithoutTrail(t.store);
    const spoof = await api.post<ErrorBody>(
      '/children',
      registerBody({ childRef: 'PT-J9', name: 'Sam Tay\u200clor' }),
      worker,
    );
    expect(spoof.status).toBe(400);
    expect(spoof.body.errors).toEqual([
      expect.objectContaining({
        field: 'name',
        rule: 'isPlainText',
        message: expect.stringContaining('U+200C'),
      }),
    ]);
    expect(await logWithoutTrail(t.store)).toEqual(before);
  });
});
