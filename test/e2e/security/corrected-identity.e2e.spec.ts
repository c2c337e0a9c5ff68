import type { Role } from '@care-journey/access';
import { apiClient, type ApiClient } from '../support/http-client';
import { registerBody } from '../support/journey-bodies';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';

/** Registered under another child's identity, then corrected (review s15 F3). */
const WRONG = { name: 'Ruby Example', dateOfBirth: '2019-03-02' };
const RIGHT = { name: 'Rubina Example', dateOfBirth: '2019-04-02' };
const WRONG_VALUES = [WRONG.name, WRONG.dateOfBirth, '2 March 2019'];

describe('a corrected name and date of birth, as each role reads the child afterwards', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  let beforeCorrection: string;
  const as = (role: Role) => ({
    token: tokenFor(role, `${role}-f3`),
    headers: { accept: 'application/json' },
  });
  const text = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body));
  const readings = async (role: Role): Promise<Record<string, string>> => {
    const routes = {
      history: `/children/${childId}/history`,
      diff: `/children/${childId}/history/diff?from=knownAt:${beforeCorrection}&to=knownAt:${new Date().toISOString()}`,
      chronology: `/children/${childId}/chronology`,
      page: `/panel/children/${childId}`,
    };
    const read: Record<string, string> = {};
    for (const [name, route] of Object.entries(routes)) {
      const accept = name === 'page' ? 'text/html' : 'application/json';
      const response = await api.get(route, { token: tokenFor(role, `${role}-f3`), headers: { accept } });
      expect({ role, name, status: response.status }).toEqual({ role, name, status: 200 });
      read[name] = text(response.body);
    }
    return read;
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const sw = as('social_worker');
    const registered = await api.post<{ childId: string; events: { id: string }[] }>(
      '/children',
      registerBody({ childRef: 'F3-1', ...WRONG, effectiveDate: '2023-02-01' }),
      sw,
    );
    expect(registered.status).toBe(201);
    childId = registered.body.childId;
    await new Promise((resolve) => setTimeout(resolve, 15));
    beforeCorrection = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 15));
    const amended = await api.post(
      `/children/${childId}/corrections/amend`,
      {
        correctedEventId: registered.body.events[0].id,
        reason: 'registered with the wrong child’s name and date of birth',
        amendedData: RIGHT,
      },
      sw,
    );
    expect(amended.status).toBe(201);
  }, 60_000);
  afterAll(() => t.close());

  it('the panel sees the child as now known and that the name was corrected, not the values replaced', async () => {
    const read = await readings('panel_member');
    for (const [name, body] of Object.entries(read)) {
      expect({ name, found: WRONG_VALUES.filter((value) => body.includes(value)) }).toEqual({
        name,
        found: [],
      });
    }
    expect(read.history).toContain(RIGHT.name);
    expect(read.history).toContain(RIGHT.dateOfBirth);
    expect(read.history).toContain('[corrected]');
    expect(read.diff).toContain('[corrected]');
    expect(read.page).toContain(RIGHT.name);
  });

  it.each(['auditor', 'social_worker', 'admin'] as const)(
    '%s keeps the values replaced (accountability: what was recorded, by whom)',
    async (role) => {
      const read = await readings(role);
      expect(read.history).toContain(WRONG.name);
      expect(read.history).toContain(WRONG.dateOfBirth);
      expect(read.diff).toContain(WRONG.name);
      expect(read.chronology).toContain(RIGHT.name);
    },
  );

  it('a reporting job sees no name or date of birth at all on the child’s page', async () => {
    const page = await api.get<string>(`/panel/children/${childId}`, {
      token: tokenFor('reporting_job', 'job-f3'),
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    for (const value of [...WRONG_VALUES, RIGHT.name]) expect(page.body).not.toContain(value);
  });
});
