import type { Role } from '@care-journey/access';
import { apiClient, type ApiClient } from '../support/http-client';
import { moveBody, registerBody, startCareBody } from '../support/journey-bodies';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';

/** Recorded about the child; the panel's reads must show none of it. */
const UPN = 'A123456789012';
const HOME = 'LS6 2AB';
const PLACEMENT = 'LS1 4AB';
const MOVED_TO = 'LS2 7AB';
const AMENDED_TO = 'LS9 8QQ';
const AUDIT_OUTCOME = 'Mother relapsed; home not yet safe';
const AUDIT_NEXT = 'Meet grandmother Ann Reed on Friday';
const CORRECTION_REASON = 'Keyed wrongly, told by foster carer Jo Bloggs';
/** A children's home's Ofsted URN names the home, so its address (session 11). */
const HOME_URN = 'SC725329';
const NOT_FOR_THE_PANEL = [
  HOME_URN,
  UPN,
  HOME,
  PLACEMENT,
  MOVED_TO,
  AMENDED_TO,
  AUDIT_OUTCOME,
  AUDIT_NEXT,
  CORRECTION_REASON,
];

describe('the panel reads what its work needs of a child, on every route it may read', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  const as = (role: Role) => ({ token: tokenFor(role, `${role}-privacy`) });
  const text = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body));

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const sw = as('social_worker');
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'PRIV-1', upn: UPN, homePostcode: HOME }),
      sw,
    );
    childId = registered.body.childId;
    const record = async (path: string, body: unknown) => {
      const response = await api.post<{ events: { id: string }[] }>(`/children/${childId}${path}`, body, sw);
      expect({ path, status: response.status, body: response.body }).toMatchObject({ status: 201 });
      return response.body.events[0].id;
    };
    await record('/periods-of-care', startCareBody);
    const move = moveBody('2023-03-15', 'U6', 'PR4', MOVED_TO);
    const moveId = await record('/placement-changes', move);
    await record('/going-home-audits', {
      effectiveDate: '2023-04-01',
      outcome: AUDIT_OUTCOME,
      nextAction: AUDIT_NEXT,
    });
    await record('/corrections/amend', {
      correctedEventId: moveId,
      reason: CORRECTION_REASON,
      amendedData: { ...move, placement: { ...move.placement, postcode: AMENDED_TO } },
    });
    const toHome = moveBody('2023-05-02', 'K2', 'PR4', AMENDED_TO);
    await record('/placement-changes', { ...toHome, placement: { ...toHome.placement, urn: HOME_URN } });
  }, 60_000);
  afterAll(() => t.close());

  it('GET /children/:id: name and date of birth, no UPN, postcodes as districts', async () => {
    const response = await api.get<{
      child: Record<string, unknown>;
      currentPlacement: Record<string, unknown>;
    }>(`/children/${childId}`, as('panel_member'));
    expect(response.status).toBe(200);
    // Says what it holds: name and date of birth (until session 15 personalDataIncluded was false here).
    expect(response.body).toMatchObject({ view: 'panel', personalDataIncluded: true });
    expect(response.body.child).toMatchObject({
      name: 'Sam Taylor',
      dateOfBirth: '2022-01-10',
      homePostcode: 'LS6',
    });
    expect(response.body.child).not.toHaveProperty('upn');
    expect(response.body.currentPlacement).toMatchObject({ postcode: 'LS9' });
    for (const secret of NOT_FOR_THE_PANEL) expect(text(response.body)).not.toContain(secret);
  });

  it.each([
    ['history', ''],
    ['history as at a date', '?asAt=2023-12-31'],
    ['history/diff', '/diff?from=asAt:2023-02-01&to=asAt:2023-12-31'],
    ['chronology', ''],
  ])(
    'GET /children/:id/%s: the same, and the correction and audit are there without their free text',
    async (route, query) => {
      const path = route.startsWith('history')
        ? `/children/${childId}/history${query}`
        : `/children/${childId}/${route}`;
      const response = await api.get(path, as('panel_member'));
      expect(response.status).toBe(200);
      for (const secret of NOT_FOR_THE_PANEL) expect(text(response.body)).not.toContain(secret);
      if (route === 'history') {
        const entries = (response.body as { entries: { type: string; data: Record<string, unknown> }[] })
          .entries;
        const registration = entries.find((e) => e.type === 'ChildRegistered');
        expect(registration?.data).toMatchObject({ name: 'Sam Taylor', homePostcode: 'LS6' });
        expect(entries.find((e) => e.type === 'GoingHomeAuditCompleted')?.data).toMatchObject({
          outcome: '[withheld]',
          nextAction: '[withheld]',
        });
      }
    },
  );

  it('the panel page of the child shows none of it either', async () => {
    const page = await api.get<string>(`/panel/children/${childId}`, as('panel_member'));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Sam Taylor');
    for (const secret of NOT_FOR_THE_PANEL) expect(page.body).not.toContain(secret);
  });

  it.each(['social_worker', 'auditor', 'admin'] as const)('%s keeps full access', async (role) => {
    const child = await api.get(`/children/${childId}`, as(role));
    expect(child.body.child).toMatchObject({ upn: UPN, homePostcode: HOME });
    const history = await api.get(`/children/${childId}/history`, as(role));
    for (const recorded of [UPN, HOME, AMENDED_TO, AUDIT_OUTCOME, AUDIT_NEXT, CORRECTION_REASON])
      expect(text(history.body)).toContain(recorded);
  });
});
