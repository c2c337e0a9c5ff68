import type { EventStore } from '@care-journey/event-store';
import { apiClient, type ApiClient, type ApiResponse } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { logWithoutTrail } from './support/log-snapshot';

interface Recorded {
  childId: string;
  events: { id: string; type: string }[];
}

/**
 * A UPN belongs to one child (DfE 903 rule 444) when a correction gives it too: on the real API over
 * HTTP, amending a registration to a UPN another child holds is a 409 naming `amendedData.upn`, and
 * nothing is recorded; the child's own UPN and the unknown-UPN codes are taken; an amended UPN is
 * reserved like a registration's, and the old one stays held by the child (as an amended 903
 * reference does).
 */
describe('POST /children/:id/corrections/amend: an amended UPN belongs to one child (903 rule 444)', () => {
  let app: TestApp;
  let api: ApiClient;
  let store: EventStore;
  const worker = { token: tokenFor('social_worker', 'alice') };

  beforeAll(async () => {
    app = await startTestApp();
    api = apiClient(app.baseUrl);
    store = app.store;
  });
  afterAll(() => app.close());

  /** Registers a child; answers its id and its registration entry's id. */
  async function registered(childRef: string, upn: string) {
    const response = await api.post<Recorded>('/children', registerBody({ childRef, upn }), worker);
    expect(response.status).toBe(201);
    return { childId: response.body.childId, registration: response.body.events[0].id };
  }
  const amend = (child: { childId: string; registration: string }, amendedData: Record<string, unknown>) =>
    api.post<Record<string, unknown>>(
      `/children/${child.childId}/corrections/amend`,
      { correctedEventId: child.registration, reason: 'UPN typo', amendedData },
      worker,
    );
  const expectRefused = (response: ApiResponse, rule: string, field: string) =>
    expect({ status: response.status, body: response.body }).toMatchObject({
      status: 409,
      body: { statusCode: 409, rule, field },
    });

  it('Given a child holding a UPN, when another child’s registration is amended to it, then 409 upn-in-use on amendedData.upn and nothing is recorded', async () => {
    const holder = await registered('AMU-1', 'F123456789012');
    const other = await registered('AMU-2', 'F123456789013');
    const before = await logWithoutTrail(store);

    const refused = await amend(other, { upn: 'F123456789012' });
    expectRefused(refused, 'upn-in-use', 'amendedData.upn');
    expect(JSON.stringify(refused.body)).not.toContain(holder.childId); // the holder is not named

    expect(await logWithoutTrail(store)).toEqual(before);
    expect(await api.get(`/children/${other.childId}`, worker)).toMatchObject({
      body: { child: { upn: 'F123456789013' } },
    });
  });

  it('Given an amendment naming the child’s own UPN, or an unknown-UPN code two children share, then it is recorded', async () => {
    const child = await registered('AMU-3', 'F123456789014');
    expect((await amend(child, { upn: 'F123456789014', name: 'Sam Taylor-Jones' })).status).toBe(201);

    const first = await registered('AMU-4', 'F123456789015');
    const second = await registered('AMU-5', 'F123456789016');
    expect((await amend(first, { upn: 'UN1' })).status).toBe(201);
    expect((await amend(second, { upn: 'UN1' })).status).toBe(201);
  });

  it('Given a UPN amended to a free one, then the new UPN and the old one are both held by the child', async () => {
    const child = await registered('AMU-6', 'F123456789017');
    expect((await amend(child, { upn: 'F123456789018' })).status).toBe(201);

    for (const [childRef, upn] of [
      ['AMU-7', 'F123456789018'], // the amended UPN, which no registration of it names
      ['AMU-8', 'F123456789017'], // the old UPN, held by the child as an amended reference's old one is
    ])
      expectRefused(
        await api.post('/children', registerBody({ childRef, upn }), worker),
        'upn-in-use',
        'upn',
      );
    const other = await registered('AMU-9', 'F123456789019');
    expectRefused(await amend(other, { upn: 'F123456789018' }), 'upn-in-use', 'amendedData.upn');

    // The child may take its old UPN back.
    expect((await amend(child, { upn: 'F123456789017' })).status).toBe(201);
  });

  it('Given an amendment naming a reference and a UPN both held by another child, then the reference is named first and nothing is recorded', async () => {
    await registered('AMU-10', 'F123456789020');
    const other = await registered('AMU-11', 'F123456789021');
    const before = await logWithoutTrail(store);
    expectRefused(
      await amend(other, { childRef: 'AMU-10', upn: 'F123456789020' }),
      'child-ref-in-use',
      'amendedData.childRef',
    );
    expect(await logWithoutTrail(store)).toEqual(before);
  });

  it('Given amendments and registrations racing for one new UPN, then exactly one takes it and the others are refused', async () => {
    const children = await Promise.all(
      [12, 13, 14].map((n) => registered(`AMU-${n}`, `F1234567890${n + 10}`)),
    );
    const responses = await Promise.all([
      ...children.map((child) => amend(child, { upn: 'F123456789099' })),
      ...[1, 2, 3].map((n) =>
        api.post('/children', registerBody({ childRef: `AMU-RACE-${n}`, upn: 'F123456789099' }), worker),
      ),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of responses.filter((response) => response.status === 409))
      expect(refused.body).toMatchObject({ rule: 'upn-in-use' });
  });
});
