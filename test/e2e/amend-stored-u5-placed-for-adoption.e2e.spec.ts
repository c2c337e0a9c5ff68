import { randomUUID } from 'node:crypto';
import { journeyEnvelope, journeyStream } from '@care-journey/journey';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { logWithoutTrail } from './support/log-snapshot';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Recorded {
  childId: string;
  events: { id: string; type: string }[];
}

/**
 * A "placed for adoption" stored with U5 (fostering for adoption) before such entries were refused:
 * over HTTP, the data team amends it keeping U5 (201), and an amendment to U2 is refused with the
 * rule and the field (422), recording nothing.
 */
describe('POST /children/:id/corrections/amend on a stored U5 "placed for adoption"', () => {
  let app: TestApp;
  let api: ApiClient;
  const worker = { token: tokenFor('social_worker', 'alice') };
  const u5 = { placementType: 'U5', provider: 'PR1', postcode: 'LS1 4AB', inArea: true };

  beforeAll(async () => {
    app = await startTestApp();
    api = apiClient(app.baseUrl);
  });
  afterAll(() => app.close());

  async function childWithStoredU5(childRef: string): Promise<{ childId: string; u5Entry: string }> {
    const registered = await api.post<Recorded>('/children', registerBody({ childRef }), worker);
    expect(registered.status).toBe(201);
    const childId = registered.body.childId;
    for (const [path, body] of [
      ['periods-of-care', startCareBody],
      ['adoption/decision', { effectiveDate: '2023-07-03' }],
      ['adoption/placement-order', { effectiveDate: '2023-09-04' }],
      ['adoption/match', { effectiveDate: '2023-11-06' }],
    ] as const)
      expect((await api.post(`/children/${childId}/${path}`, body, worker)).status).toBe(201);
    // As an older version of the API stored it: written straight to the child's stream.
    const u5Entry = randomUUID();
    await app.store.appendToStream(
      journeyStream(childId),
      [
        journeyEnvelope(
          {
            type: 'PlacedForAdoption',
            data: { childId, effectiveDate: '2023-11-20', placement: u5, sameCarer: false },
          },
          u5Entry,
          { now: '2023-11-20T12:00:00Z', recordedBy: 'alice' },
        ),
      ],
      { expectedRevision: 'any' },
    );
    return { childId, u5Entry };
  }

  const amend = (childId: string, correctedEventId: string, amendedData: unknown) =>
    api.post<Record<string, unknown>>(
      `/children/${childId}/corrections/amend`,
      { correctedEventId, reason: 'carer postcode typed wrong', amendedData },
      worker,
    );

  it('Given a stored U5 entry, When its placement postcode is amended keeping U5, Then it is recorded (201)', async () => {
    const { childId, u5Entry } = await childWithStoredU5('U5-AM1');
    const amended = await amend(childId, u5Entry, { placement: { ...u5, postcode: 'LS1 4AD' } });
    expect({ status: amended.status, body: amended.body }).toMatchObject({
      status: 201,
      body: { events: [expect.objectContaining({ type: 'EntryAmended' })] },
    });
  });

  it('Given a stored U5 entry, When it is amended to U2, Then 422 names the rule and amendedData.placement.placementType, and nothing is recorded', async () => {
    const { childId, u5Entry } = await childWithStoredU5('U5-AM2');
    const before = await logWithoutTrail(app.store);
    const refused = await amend(childId, u5Entry, { placement: { ...u5, placementType: 'U2' } });
    expect({ status: refused.status, body: refused.body }).toMatchObject({
      status: 422,
      body: {
        rule: 'fostering-for-adoption-is-a-placement-change',
        field: 'amendedData.placement.placementType',
      },
    });
    expect(String(refused.body['message'])).toContain('withdraw this entry and record a placement change');
    expect(String(refused.body['message'])).not.toContain(u5Entry);
    expect(await logWithoutTrail(app.store)).toEqual(before);
  });
});
