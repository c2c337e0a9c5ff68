import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, wholeJourney } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

describe('a whole journey over HTTP, on SQLite', () => {
  let t: TestApp;
  let api: ApiClient;
  const worker = { token: tokenFor('social_worker', 'alice') };

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
  });
  afterAll(async () => t.close());

  it('records entry, three moves, reviews, the plan and every adoption step to the order, then reads it back', async () => {
    const registered = await api.post<{ childId: string; revision: string }>(
      '/children',
      registerBody(),
      worker,
    );
    expect(registered.status).toBe(201);
    const childId = registered.body.childId;
    expect(registered.headers.get('location')).toBe(`/children/${childId}`);
    expect(registered.headers.get('etag')).toBe('"0"');

    let revision = 0;
    for (const [path, body] of wholeJourney) {
      const response = await api.post<{ revision: string; events: { type: string }[] }>(
        `/children/${childId}/${path}`,
        body,
        worker,
      );
      expect({ path, status: response.status, body: response.body }).toMatchObject({ path, status: 201 });
      revision += response.body.events.length;
      expect(response.body.revision).toBe(String(revision));
      expect(response.headers.get('etag')).toBe(`"${revision}"`);
    }

    const child = await api.get<Record<string, unknown>>(`/children/${childId}`, {
      token: tokenFor('panel_member'),
    });
    expect(child.status).toBe(200);
    expect(child.headers.get('etag')).toBe(`"${revision}"`);
    expect(child.body).toMatchObject({
      childId,
      revision: String(revision),
      inCare: false,
      legalStatus: null,
      currentPlacement: null,
      nextReviewDue: null,
      permanencePlan: { route: 'adoption', since: '2023-04-20' },
      child: { name: 'Sam Taylor', childRef: 'LA-000123' },
      adoption: { status: 'completed' },
    });
    const steps = (child.body.adoption as { steps: { step: string }[] }).steps.map((s) => s.step);
    expect(steps).toEqual(['decision', 'placement_order', 'match', 'placed', 'order']);

    const events = await api.get<{
      totalEvents: string;
      items: { type: string; metadata: Record<string, unknown> }[];
    }>(`/children/${childId}/events?pageSize=200`, { token: tokenFor('auditor') });
    expect(events.status).toBe(200);
    expect(events.body.totalEvents).toBe(String(revision + 1));
    expect(events.body.items.map((e) => e.type)).toEqual([
      'ChildRegistered',
      'PeriodOfCareStarted',
      'StatutoryReviewHeld',
      'PlacementChanged',
      'PermanencePlanSet',
      'LegalStatusChanged',
      'StatutoryReviewHeld',
      'PlacementChanged',
      'AdoptionDecisionMade',
      'PlacementOrderGranted',
      'PlacementChanged',
      'MatchedWithAdopters',
      'StatutoryReviewHeld',
      'PlacedForAdoption',
      'AdoptionOrderGranted',
      'PeriodOfCareEnded',
    ]);
    expect(events.body.items[3].metadata).toMatchObject({ recordedBy: 'alice', schemaVersion: 1 });
  });

  it('shows the child in care mid-journey, with the current placement and the next review due', async () => {
    const { body } = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'LA-000124' }),
      worker,
    );
    const id = body.childId;
    await api.post(`/children/${id}/periods-of-care`, wholeJourney[0][1], worker);
    let child = await api.get(`/children/${id}`, worker);
    // 20 working days after Mon 6 Feb 2023 (no bank holiday in between): Mon 6 Mar 2023.
    expect(child.body).toMatchObject({
      inCare: true,
      legalStatus: 'C1',
      nextReviewDue: '2023-03-06',
      currentPlacement: { placementType: 'U6' },
    });
    await api.post(`/children/${id}/reviews`, wholeJourney[1][1], worker);
    child = await api.get(`/children/${id}`, worker);
    expect(child.body).toMatchObject({ lastReview: { date: '2023-03-02' }, nextReviewDue: '2023-06-02' });
    await api.post(`/children/${id}/reviews`, { effectiveDate: '2023-05-30', participation: 'PN0' }, worker);
    child = await api.get(`/children/${id}`, worker);
    expect(child.body).toMatchObject({ nextReviewDue: '2023-11-30' });
  });

  it('pages the events by revision', async () => {
    const { body } = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'LA-000125' }),
      worker,
    );
    const id = body.childId;
    for (const [path, request] of wholeJourney.slice(0, 4))
      await api.post(`/children/${id}/${path}`, request, worker);
    const auditor = { token: tokenFor('auditor') };
    const page1 = await api.get<{ items: { revision: string }[]; nextPage: number | null }>(
      `/children/${id}/events?page=1&pageSize=2`,
      auditor,
    );
    const page3 = await api.get<{ items: { revision: string }[]; nextPage: number | null }>(
      `/children/${id}/events?page=3&pageSize=2`,
      auditor,
    );
    expect(page1.body.items.map((e) => e.revision)).toEqual(['0', '1']);
    expect(page1.body.nextPage).toBe(2);
    expect(page3.body.items.map((e) => e.revision)).toEqual(['4']);
    expect(page3.body.nextPage).toBeNull();
  });
});

describe('the other commands, over HTTP', () => {
  let t: TestApp;
  let api: ApiClient;
  const worker = { token: tokenFor('social_worker', 'alice') };

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
  });
  afterAll(async () => t.close());

  const record = async (childId: string, path: string, body: Record<string, unknown>) => {
    const response = await api.post<{ events: { id: string; type: string }[] }>(
      `/children/${childId}/${path}`,
      body,
      worker,
    );
    expect({ path, status: response.status, body: response.body }).toMatchObject({ path, status: 201 });
    return response.body.events;
  };

  it('temporary placements, missing episodes, audits, allocation, consent, reversal, corrections and leaving care', async () => {
    const { body } = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'LA-OTHER' }),
      worker,
    );
    const id = body.childId;
    await record(id, 'periods-of-care', wholeJourney[0][1]);
    await record(id, 'allocation', {
      effectiveDate: '2023-02-07',
      team: 'children in care south',
      socialWorker: 'sw.demo',
    });
    await record(id, 'temporary-placements', { effectiveDate: '2023-02-10', placementType: 'T1' });
    let child = await api.get(`/children/${id}`, worker);
    expect(child.body).toMatchObject({
      currentPlacement: { placementType: 'T1' },
      usualPlacement: { placementType: 'U6' },
    });
    await record(id, 'temporary-placements/end', { effectiveDate: '2023-02-13' });
    await record(id, 'missing-episodes', { effectiveDate: '2023-02-14', kind: 'M' });
    expect((await api.get(`/children/${id}`, worker)).body).toMatchObject({ missingEpisodeOpen: true });
    await record(id, 'missing-episodes/end', { effectiveDate: '2023-02-15' });
    const [review] = await record(id, 'reviews', { effectiveDate: '2023-03-01', participation: 'PN0' });
    await record(id, 'going-home-audits', {
      effectiveDate: '2023-03-02',
      outcome: 'Not yet safe',
      nextAction: 'Review in May',
    });
    await record(id, 'adoption/decision', { effectiveDate: '2023-03-03' });
    await record(id, 'adoption/consent', { effectiveDate: '2023-03-06' });
    await record(id, 'adoption/reversal', { effectiveDate: '2023-03-07', reason: 'RD1' });
    await record(id, 'corrections/amend', {
      correctedEventId: review.id,
      reason: 'Wrong date keyed',
      amendedData: { effectiveDate: '2023-02-28', participation: 'PN0' },
    });
    child = await api.get(`/children/${id}`, worker);
    expect(child.body).toMatchObject({
      allocation: { team: 'Children in Care South', socialWorker: 'sw.demo' },
      lastReview: { date: '2023-02-28' },
      adoption: { status: 'reversed' },
      missingEpisodeOpen: false,
    });
    await record(id, 'corrections/retract', {
      retractedEventId: review.id,
      reason: 'Recorded on the wrong child',
    });
    expect((await api.get(`/children/${id}`, worker)).body).toMatchObject({ lastReview: null });
    await record(id, 'periods-of-care/end', { effectiveDate: '2023-04-03', reason: 'E4A' });
    expect((await api.get(`/children/${id}`, worker)).body).toMatchObject({
      inCare: false,
      currentPlacement: null,
      nextReviewDue: null,
    });
  });
});
