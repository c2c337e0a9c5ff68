/**
 * Docs review F8 on the real app: an unknown field inside a correction's `amendedData` is worded as
 * every other unknown field (where it was found and what is taken there), and a body wrong both in
 * the route's own fields and in `amendedData` gets one 400 naming every problem, not one stage per
 * attempt. Nothing is recorded.
 */
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { logWithoutTrail } from './support/log-snapshot';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

type Recorded = { childId: string; events: { id: string }[] };
type FieldError = { field: string; rule: string; message: string };

describe('POST /children/:id/corrections/amend: every problem in one 400, in the documented words', () => {
  let app: TestApp;
  let api: ApiClient;
  let childId: string;
  let startOfCare: string;
  let review: string;
  const worker = { token: tokenFor('social_worker', 'alice') };

  beforeAll(async () => {
    app = await startTestApp();
    api = apiClient(app.baseUrl);
    const registered = await api.post<Recorded>(
      '/children',
      registerBody({ childRef: 'LA-AMERR-1' }),
      worker,
    );
    expect(registered.status).toBe(201);
    childId = registered.body.childId;
    const started = await api.post<Recorded>(`/children/${childId}/periods-of-care`, startCareBody, worker);
    expect(started.status).toBe(201);
    startOfCare = started.body.events[0].id;
    const reviewed = await api.post<Recorded>(
      `/children/${childId}/reviews`,
      { effectiveDate: '2023-03-02', participation: 'PN0' },
      worker,
    );
    expect(reviewed.status).toBe(201);
    review = reviewed.body.events[0].id;
  });
  afterAll(() => app.close());

  /** Sends an amendment; answers its 400's errors, and checks nothing was recorded. */
  async function refused(body: Record<string, unknown>): Promise<FieldError[]> {
    const before = await logWithoutTrail(app.store);
    const answer = await api.post<{ errors: FieldError[] }>(
      `/children/${childId}/corrections/amend`,
      body,
      worker,
    );
    expect(answer.status).toBe(400);
    expect(await logWithoutTrail(app.store)).toEqual(before);
    return answer.body.errors;
  }

  it("Given a review, When its amendment gives a field a review does not hold, Then the 400 says it is not a field of the statutory review and names the review's fields", async () => {
    const errors = await refused({ correctedEventId: review, reason: 'typo', amendedData: { notes: 'x' } });
    expect(errors).toEqual([
      {
        field: 'amendedData.notes',
        rule: 'whitelistValidation',
        message:
          'amendedData.notes is not a field of the statutory review; it takes effectiveDate, participation',
      },
    ]);
  });

  it('Given a start of care, When its amendment gives an unknown field inside the placement, Then the 400 names where it was found and what is taken there', async () => {
    const errors = await refused({
      correctedEventId: startOfCare,
      reason: 'typo',
      amendedData: { placement: { ...startCareBody.placement, colour: 'red' } },
    });
    expect(errors).toEqual([
      {
        field: 'amendedData.placement.colour',
        rule: 'whitelistValidation',
        message:
          'amendedData.placement.colour is not a field of amendedData.placement; it takes inArea, placementType, postcode, provider, urn',
      },
    ]);
  });

  it('Given a field named like an inherited member (toString), Then it is worded the same way', async () => {
    const errors = await refused({
      correctedEventId: review,
      reason: 'typo',
      amendedData: { toString: 'x' },
    });
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'amendedData.toString',
        rule: 'whitelistValidation',
        message: expect.stringMatching(
          /^amendedData\.toString is not a field of the statutory review; it takes effectiveDate, participation$/,
        ),
      }),
    ]);
  });

  it("Given a body with an unknown top-level field and a bad amendedData, Then one 400 names both stages' errors", async () => {
    const errors = await refused({
      correctedEventId: review,
      reason: 'typo',
      effectiveDate: '2023-03-03',
      amendedData: { participation: 'PN9', notes: 'x' },
    });
    expect(errors.map(({ field, rule }) => `${field} ${rule}`).sort()).toEqual([
      'amendedData.notes whitelistValidation',
      'amendedData.participation isIn',
      'effectiveDate whitelistValidation',
    ]);
    expect(errors.find((e) => e.field === 'effectiveDate')?.message).toBe(
      'effectiveDate is not a field of this request; it takes amendedData, correctedEventId, reason',
    );
  });

  it('Given a reason too long as well, Then the reason and amendedData are named together', async () => {
    const errors = await refused({
      correctedEventId: review,
      reason: 'r'.repeat(501),
      amendedData: { participation: 'PN9' },
    });
    expect(errors.map((e) => e.field).sort()).toEqual(['amendedData.participation', 'reason']);
  });
});
