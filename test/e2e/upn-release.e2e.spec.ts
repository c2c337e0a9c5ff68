import type { EventStore } from '@care-journey/event-store';
import { RegistryCrossCheck, UpnRegistry, upnStream } from '@care-journey/registrations';
import { apiClient, type ApiClient, type ApiResponse } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Recorded {
  childId: string;
}

/**
 * An admin releases a UPN a registered child holds but its journey never carried (an amendment
 * crashed after reserving it); the UPN can then be another child's. The UPN travels in the body and
 * no answer holds it. Every refusal names the field and the rule, and records nothing.
 */
describe('POST /admin/upns/release', () => {
  let app: TestApp;
  let api: ApiClient;
  let store: EventStore;
  const admin = { token: tokenFor('admin', 'ada-admin') };
  const alice = { token: tokenFor('social_worker', 'alice') };
  const reason = 'Amendment crashed after reserving the UPN; confirmed with the team';
  /** A hold recorded `minutesAgo` before now (the settle window is 10 minutes). */
  const recording = (minutesAgo: number) => ({
    recordedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    recordedBy: 'alice',
  });
  const release = (body: unknown, who: { token?: string } = admin) =>
    api.post<Record<string, unknown>>('/admin/upns/release', body, who);

  beforeAll(async () => {
    app = await startTestApp();
    api = apiClient(app.baseUrl);
    store = app.store;
  });
  afterAll(() => app.close());

  /** A child registered through the API, holding `carried`; an amendment's crashed hold of `held`, `minutesAgo` old. */
  const childWithCrashedAmendment = async (
    childRef: string,
    carried: string,
    held: string,
    minutesAgo = 11,
  ) => {
    const child = await api.post<Recorded>('/children', registerBody({ childRef, upn: carried }), alice);
    expect(child.status).toBe(201);
    await new UpnRegistry(store).claim(held, child.body.childId, recording(minutesAgo), { for: 'amendment' });
    return child.body.childId;
  };
  const heldButNeverCarried = async (stream: string): Promise<string[]> => {
    const check = new RegistryCrossCheck();
    for await (const event of store.readAll()) check.see(event);
    return check
      .mismatches(new Date())
      .filter((found) => found.stream === stream)
      .map((found) => `${found.rule} ${found.childId}`);
  };
  /** Runs `act` and checks the log did not move. */
  const recordsNothing = async (act: () => Promise<ApiResponse>): Promise<ApiResponse> => {
    const head = await store.headPosition();
    const response = await act();
    expect(await store.headPosition()).toBe(head);
    return response;
  };

  it('releases a UPN a registered child never carried: the answer names its stream, not the UPN; verify-store finds nothing; another child then registers with it', async () => {
    const held = 'K100000000001';
    const childId = await childWithCrashedAmendment('UPN-REL-1', 'K100000000000', held);
    expect(await heldButNeverCarried(upnStream(held))).toEqual([`held-but-never-carried ${childId}`]);

    const released = await release({ upn: held.toLowerCase(), reason });

    expect(released.status).toBe(201);
    expect(released.body).toMatchObject({ upnStream: upnStream(held), childId, revision: '1' });
    expect(JSON.stringify(released.body)).not.toContain(held);
    expect(await heldButNeverCarried(upnStream(held))).toEqual([]);
    const log = await api.get<string>('/events?limit=1000', { token: tokenFor('auditor') });
    const upnEvents = log.body
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { streamId: string; type: string; data: object; metadata: object })
      .filter((event) => event.streamId === upnStream(held));
    expect(upnEvents[1]).toMatchObject({
      type: 'UpnReleased',
      data: { childId, reason },
      metadata: { recordedBy: 'ada-admin' },
    });
    const other = await api.post('/children', registerBody({ childRef: 'UPN-REL-1B', upn: held }), alice);
    expect(other.status).toBe(201);
  });

  it('is for admins only: every other role gets 403 and nothing is recorded', async () => {
    await childWithCrashedAmendment('UPN-REL-2', 'K200000000000', 'K200000000001');
    for (const role of ['social_worker', 'panel_member', 'auditor', 'reporting_job'] as const) {
      const response = await recordsNothing(() =>
        release({ upn: 'K200000000001', reason }, { token: tokenFor(role) }),
      );
      expect(response.status).toBe(403);
    }
    expect((await recordsNothing(() => release({ upn: 'K200000000001', reason }, {}))).status).toBe(401);
  });

  it('refuses a carried UPN, a hold under 10 minutes old, a second release, an unknown, a malformed and an unknown-UPN code, and a missing reason, naming the field and the rule, echoing no UPN', async () => {
    await childWithCrashedAmendment('UPN-REL-3', 'K300000000000', 'K300000000001', 0);
    await childWithCrashedAmendment('UPN-REL-4', 'K400000000000', 'K400000000001');
    expect((await release({ upn: 'K400000000001', reason })).status).toBe(201);

    const refusals: [unknown, number, string, string][] = [
      [{ upn: 'K300000000000', reason }, 409, 'upn', 'upn-holder-registered'],
      [{ upn: 'K300000000001', reason }, 409, 'upn', 'upn-hold-settling'],
      [{ upn: 'K400000000001', reason }, 409, 'upn', 'upn-already-released'],
      [{ upn: 'K999999999999', reason }, 404, 'upn', 'upn-not-reserved'],
    ];
    for (const [body, status, field, rule] of refusals) {
      const refused = await recordsNothing(() => release(body));
      expect({ status: refused.status, field: refused.body.field, rule: refused.body.rule }).toEqual({
        status,
        field,
        rule,
      });
      expect(JSON.stringify(refused.body)).not.toContain((body as { upn: string }).upn);
    }
    const invalid: [unknown, string, string][] = [
      [{ upn: 'K12', reason }, 'upn', 'invalid-upn'],
      [{ upn: 'UN4', reason }, 'upn', 'upn-unknown-code'],
      [{ upn: 'K300000000001', reason: '   ' }, 'reason', 'release-reason-required'],
    ];
    for (const [body, field, rule] of invalid) {
      const refused = await recordsNothing(() => release(body));
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ errors: [{ field, rule }] });
      expect(JSON.stringify(refused.body)).not.toContain((body as { upn: string }).upn);
    }
    const noReason = await recordsNothing(() => release({ upn: 'K300000000001' }));
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ errors: [expect.objectContaining({ field: 'reason' })] });
    const byQuery = await recordsNothing(() =>
      api.post('/admin/upns/release?upn=K300000000001', { upn: 'K300000000001', reason }, admin),
    );
    expect(byQuery.status).toBe(400);
  });
});
