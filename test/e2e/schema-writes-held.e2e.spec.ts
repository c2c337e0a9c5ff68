/**
 * Ops review s12 F14 on the real app over HTTP and a real SQLite file: with
 * CARE_JOURNEY_SCHEMA_WRITES=held, a build that raised an event type's schema version refuses to
 * write it (503 schema-writes-held, nothing appended) until the log holds that version, so it can
 * be deployed to every process before any of them writes what an older one cannot read.
 * This build has every type at version 1, so the spec raises StatutoryReviewHeld to 2 in the
 * schema table for its own run (each spec file has its own modules: no other spec sees it).
 */
import { chainEvents, chainTipAfter } from '@care-journey/audit';
import { readLastEvent, type NewEvent } from '@care-journey/event-store';
import { JOURNEY_SCHEMAS, journeyStream } from '@care-journey/journey';
import { apiClient, type ApiClient } from './support/http-client';
import { eventCount, newChild } from './support/journey-setup';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const worker = { token: tokenFor('social_worker', 'alice') };
const review = (effectiveDate: string) => ({ effectiveDate, participation: 'PN0' });

describe('CARE_JOURNEY_SCHEMA_WRITES=held: a raised schema version is not written until the log holds it', () => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    // The upgrade under test: StatutoryReviewHeld at 2, its data unchanged (an identity upcaster).
    JOURNEY_SCHEMAS.current.StatutoryReviewHeld = 2;
    JOURNEY_SCHEMAS.upcasters.StatutoryReviewHeld = { 1: (data) => ({ ...data }) };
    // Inline: a projector thread would load its own, unraised schema table.
    t = await startTestApp({ config: { schemaWrites: 'held', projections: 'inline' } });
    api = apiClient(t.baseUrl);
  });
  afterAll(async () => {
    await t.close();
    delete JOURNEY_SCHEMAS.current.StatutoryReviewHeld;
    delete JOURNEY_SCHEMAS.upcasters.StatutoryReviewHeld;
  });

  /** Appends as another process would (hash-chained), behind this API's kept fold. */
  async function appendAsAnotherProcess(stream: string, event: NewEvent): Promise<void> {
    const [chained] = chainEvents(chainTipAfter(stream, await readLastEvent(t.store, stream)), [event]);
    await t.store.appendToStream(stream, [chained], { expectedRevision: 'any' });
  }

  async function firstOfType(stream: string, type: string): Promise<NewEvent> {
    for await (const { id, data, metadata, type: found } of t.store.readStream(stream))
      if (found === type) return { id, type, data, metadata };
    throw new Error(`no ${type} in ${stream}`);
  }

  it('Given no review at version 2 in the log, When a review is recorded, Then 503 schema-writes-held names the type, versions and the setting, and nothing is appended; other commands go through', async () => {
    const childId = await newChild(api); // a registration and a period of care: written (201)
    const before = await eventCount(api, childId);
    const refused = await api.post(`/children/${childId}/reviews`, review('2023-03-05'), worker);
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({
      statusCode: 503,
      code: 'schema-writes-held',
      message:
        'StatutoryReviewHeld v2 is written once every process reads it: set CARE_JOURNEY_SCHEMA_WRITES=current ' +
        'after upgrading every API, projector and CLI; nothing was recorded',
      type: 'StatutoryReviewHeld',
      version: 2,
      inLog: 1,
    });
    expect(await eventCount(api, childId)).toBe(before);
    const head = await t.store.headPosition();
    // Twice: the second decision is made on the fold the process kept (no read), and is refused too.
    expect((await api.post(`/children/${childId}/reviews`, review('2023-03-06'), worker)).status).toBe(503);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('Given a kept fold gone stale (care started by another process), When a review is recorded, Then the fresh read decides it and it is refused the same way', async () => {
    // The kept fold says "not in care", so the review is refused on it and decided again on a read.
    const childId = await newChild(api, { inCare: false });
    const stream = journeyStream(childId);
    const careStarted = await firstOfType(journeyStream(await newChild(api)), 'PeriodOfCareStarted');
    await appendAsAnotherProcess(stream, {
      ...careStarted,
      id: 'care-started-by-another-process',
      data: { ...careStarted.data, childId },
    });
    const before = await eventCount(api, childId);
    const refused = await api.post(`/children/${childId}/reviews`, review('2023-03-05'), worker);
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'schema-writes-held', type: 'StatutoryReviewHeld' });
    expect(await eventCount(api, childId)).toBe(before);
  });

  it('Given a review at version 2 already in the log (a process set to current wrote it), When a review is recorded, Then it is written at version 2', async () => {
    const childId = await newChild(api);
    await appendAsAnotherProcess(journeyStream(childId), {
      id: 'review-from-a-current-process',
      type: 'StatutoryReviewHeld',
      data: { childId, effectiveDate: '2023-03-01', participation: 'PN1' },
      metadata: { recordedAt: '2023-03-01T10:00:00.000Z', recordedBy: 'sw.current', schemaVersion: 2 },
    });

    const recorded = await api.post(`/children/${childId}/reviews`, review('2023-03-05'), worker);
    expect(recorded.status).toBe(201);
    const events = await api.get<{ items: { type: string; metadata: { schemaVersion: number } }[] }>(
      `/children/${childId}/events`,
      { token: tokenFor('auditor') },
    );
    expect(
      events.body.items.filter((e) => e.type === 'StatutoryReviewHeld').map((e) => e.metadata.schemaVersion),
    ).toEqual([2, 2]);
  });
});
