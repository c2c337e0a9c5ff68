import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Recorded {
  childId: string;
  globalPosition: string;
  events: { id: string; type: string }[];
}
type Found = { children: { childRef: string }[] };

/**
 * Frontline review F12: a child registered twice can be withdrawn by an admin as "registered in
 * error" while nothing else is recorded for it; it leaves every list, its stream stays.
 */
describe('POST /children/:id/corrections/retract-registration (registered in error)', () => {
  let app: TestApp;
  let api: ApiClient;
  const sw = { token: tokenFor('social_worker', 'sw.demo') };
  const admin = { token: tokenFor('admin', 'admin.demo') };
  const auditor = { token: tokenFor('auditor', 'auditor.demo') };
  const reason = { reason: 'Registered twice: the same child as ERR-1' };

  beforeAll(async () => {
    app = await startTestApp();
    api = apiClient(app.baseUrl);
  });
  afterAll(() => app.close());

  const register = async (childRef: string) => {
    const answer = await api.post<Recorded>('/children', registerBody({ childRef, upn: 'UN2' }), sw);
    expect(answer.status).toBe(201);
    return answer.body;
  };
  const found = async (q: string, minPosition: string) =>
    (await api.get<Found>(`/children?q=${q}&minPosition=${minPosition}`, admin)).body.children.map(
      (c) => c.childRef,
    );

  it('Given a duplicate with nothing but its registration, When an admin retracts it, Then it leaves Find a child and the stream keeps both events', async () => {
    await register('ERR-1');
    const duplicate = await register('ERR-2');
    expect(await found('err', duplicate.globalPosition)).toEqual(['ERR-1', 'ERR-2']);

    const retracted = await api.post<Recorded>(
      `/children/${duplicate.childId}/corrections/retract-registration`,
      reason,
      admin,
    );
    expect(retracted.status).toBe(201);
    expect(retracted.body.events.map((e) => e.type)).toEqual(['RegistrationRetracted']);
    expect(await found('err', retracted.body.globalPosition)).toEqual(['ERR-1']);

    const trail = await api.get<{ items: { type: string; data: Record<string, unknown> }[] }>(
      `/children/${duplicate.childId}/events`,
      auditor,
    );
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((e) => e.type)).toEqual(['ChildRegistered', 'RegistrationRetracted']);
    expect(trail.body.items[1].data).toMatchObject({ ...reason, retractedEventId: duplicate.events[0].id });

    const view = await api.get(`/children/${duplicate.childId}`, admin);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ child: null, allocation: null, inCare: false });
    const page = await fetch(`${app.baseUrl}/panel/children/${duplicate.childId}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const text = (await page.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Registered in error: this registration was withdrawn');
    expect(text).toContain('ERR-2');
    expect(text).toContain(reason.reason);
    expect(text).not.toContain('Record an event');
    const again = await api.post(
      `/children/${duplicate.childId}/allocation`,
      { effectiveDate: '2024-01-01', team: 'Children in Care North', socialWorker: 'sw.demo' },
      admin,
    );
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ rule: 'registration-retracted', field: 'childId' });
  });

  it('Given a registration withdrawn in error, When GET /children/:id is read, Then registrationWithdrawn says when and by whom, the reason only to the roles that read correction reasons', async () => {
    const child = await register('ERR-6');
    const retracted = await api.post<Recorded>(
      `/children/${child.childId}/corrections/retract-registration`,
      reason,
      admin,
    );
    expect(retracted.status).toBe(201);
    const trail = await api.get<{ items: { type: string; metadata: { recordedAt: string } }[] }>(
      `/children/${child.childId}/events`,
      auditor,
    );
    const at = trail.body.items[1].metadata.recordedAt;
    expect(trail.body.items[1].type).toBe('RegistrationRetracted');

    const viewFor = (token: string) => api.get(`/children/${child.childId}`, { token });
    // A social worker who may open the child (sw.demo may here) reads it as an auditor does.
    for (const full of [admin, auditor, sw]) {
      const view = await viewFor(full.token);
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ child: null, inCare: false });
      expect(view.body.registrationWithdrawn).toEqual({ at, by: 'admin.demo', reason: reason.reason });
    }
    for (const role of ['panel_member', 'reporting_job'] as const) {
      const view = await viewFor(tokenFor(role));
      expect(view.status).toBe(200);
      expect(view.body.registrationWithdrawn).toEqual({ at, by: 'admin.demo' });
      expect(JSON.stringify(view.body)).not.toContain('Registered twice');
      // The child's page keeps the reason from them too, as for any withdrawal.
      const page = await fetch(`${app.baseUrl}/panel/children/${child.childId}`, {
        headers: { authorization: `Bearer ${tokenFor(role)}` },
      });
      const text = (await page.text()).replace(/\s+/g, ' ');
      expect(text).toContain('Registered in error: this registration was withdrawn');
      expect(text).not.toContain('Registered twice');
    }

    const kept = await register('ERR-7');
    const registeredView = await api.get(`/children/${kept.childId}`, sw);
    expect(registeredView.status).toBe(200);
    expect(registeredView.body).toMatchObject({ child: { childRef: 'ERR-7' }, registrationWithdrawn: null });
  });

  it('refuses a social worker (admins only) and a missing reason, naming the field', async () => {
    const child = await register('ERR-3');
    const bySw = await api.post(`/children/${child.childId}/corrections/retract-registration`, reason, sw);
    expect(bySw.status).toBe(403);
    const noReason = await api.post<{ errors: { field: string }[] }>(
      `/children/${child.childId}/corrections/retract-registration`,
      {},
      admin,
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e) => e.field)).toContain('reason');
  });

  it('refuses a registration with other entries (422 registration-has-entries), recording nothing', async () => {
    const child = await register('ERR-4');
    const care = await api.post<Recorded>(`/children/${child.childId}/periods-of-care`, startCareBody, sw);
    expect(care.status).toBe(201);
    const refused = await api.post(
      `/children/${child.childId}/corrections/retract-registration`,
      reason,
      admin,
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'registration-has-entries', field: 'childId' });
    expect(String(refused.body.message)).toContain('start of care');
    expect(await found('err-4', care.body.globalPosition)).toEqual(['ERR-4']);
  });

  it('on the web: an admin sees "Withdraw this registration" on a registration-only child, must give a reason, then the child is withdrawn; a social worker may not', async () => {
    const child = await register('ERR-5');
    const pageOf = async (path: string, token = admin.token) =>
      fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const childPage = await (await pageOf(`/panel/children/${child.childId}`)).text();
    expect(childPage).toContain('Withdraw this registration (registered in error)');
    expect(await (await pageOf(`/panel/children/${child.childId}`, sw.token)).text()).not.toContain(
      'Withdraw this registration',
    );
    expect((await pageOf(`/panel/children/${child.childId}/withdraw-registration`, sw.token)).status).toBe(
      403,
    );

    const form = await (await pageOf(`/panel/children/${child.childId}/withdraw-registration`)).text();
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const send = (reason: string) =>
      fetch(`${app.baseUrl}/panel/children/${child.childId}/withdraw-registration`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          authorization: `Bearer ${admin.token}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ reason, idempotencyKey: key }).toString(),
      });
    const blank = await send('');
    expect(blank.status).toBe(400);
    expect(await blank.text()).toMatch(/id="reason-error"/);

    const done = await send('Registered twice: the same child as ERR-1');
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/panel/children/${child.childId}`);
    const after = (await (await pageOf(`/panel/children/${child.childId}`)).text()).replace(/\s+/g, ' ');
    expect(after).toContain('Registered in error: this registration was withdrawn');
    expect(after).not.toContain('Withdraw this registration (registered in error)');
  });
});
