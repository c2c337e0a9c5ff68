import { randomUUID } from 'node:crypto';
import type { EventStore } from '@care-journey/event-store';
import { journeyEnvelope, journeyStream } from '@care-journey/journey';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { logWithoutTrail } from './support/log-snapshot';

interface Recorded {
  childId: string;
  events: { id: string; type: string }[];
}
interface FeedLine {
  type: string;
  streamId: string;
  data: Record<string, unknown>;
}

/**
 * Corrections on the real API over HTTP: an amendment keeps the corrected entry's own field rules
 * (400 naming `amendedData.<field>`), an amended 903 reference is reserved like a registration's
 * (409 when another child holds it), refusals record nothing, and the reporting job's /events
 * shows amendedData redacted as the entries themselves are.
 */
describe('POST /children/:id/corrections/amend: amendedData and childRef', () => {
  let app: TestApp;
  let api: ApiClient;
  let store: EventStore;
  const worker = { token: tokenFor('social_worker', 'alice') };
  const admin = { token: tokenFor('admin') };
  const reportingJob = { token: tokenFor('reporting_job', 'r') };

  beforeAll(async () => {
    app = await startTestApp();
    api = apiClient(app.baseUrl);
    store = app.store;
  });
  afterAll(() => app.close());

  /** Registers a child in care with one review; answers its id and its entries' ids. */
  async function childInCare(childRef: string, overrides: Record<string, unknown> = {}) {
    const registered = await api.post<Recorded>(
      '/children',
      registerBody({ childRef, ...overrides }),
      worker,
    );
    expect(registered.status).toBe(201);
    const childId = registered.body.childId;
    expect((await api.post(`/children/${childId}/periods-of-care`, startCareBody, worker)).status).toBe(201);
    const review = await api.post<Recorded>(
      `/children/${childId}/reviews`,
      { effectiveDate: '2023-03-02', participation: 'PN0' },
      worker,
    );
    expect(review.status).toBe(201);
    return { childId, registration: registered.body.events[0].id, review: review.body.events[0].id };
  }
  const amend = (childId: string, correctedEventId: string, amendedData: unknown) =>
    api.post<Record<string, unknown>>(
      `/children/${childId}/corrections/amend`,
      { correctedEventId, reason: 'ref typo', amendedData },
      worker,
    );
  /** What a refusal must leave as it was: the log's head and the whole events feed. */
  // Everything but the read-access trail (an admin's read of the log is recorded there).
  const recorded = async () => logWithoutTrail(store);
  const feedLines = async (token: { token: string }) =>
    (await api.get<string>('/events?limit=1000', token)).body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as FeedLine);

  describe('amendedData keeps the corrected entry’s field rules', () => {
    it('refuses fields the entry does not hold, text beyond its length and bad codes: 400 naming amendedData.<field>, nothing recorded', async () => {
      const child = await childInCare('COR-V1');
      const before = await recorded();
      const cases: [unknown, string, string][] = [
        [
          { effectiveDate: '2023-03-02', participation: 'PN0', notes: 'n'.repeat(5000) },
          'amendedData.notes',
          'whitelistValidation',
        ],
        [{ participation: 'PN0', bogus: 'y' }, 'amendedData.bogus', 'whitelistValidation'],
        [{ participation: 'PN9' }, 'amendedData.participation', 'isIn'],
        [{ effectiveDate: '2023-02-30' }, 'amendedData.effectiveDate', 'isCalendarDate'],
        [{ participation: null }, 'amendedData.participation', 'isDefined'],
      ];
      for (const [amendedData, field, rule] of cases) {
        const refused = await amend(child.childId, child.review, amendedData);
        expect({ status: refused.status, body: refused.body }).toMatchObject({
          status: 400,
          body: { statusCode: 400, errors: [expect.objectContaining({ field, rule })] },
        });
      }
      const tooLong = await amend(child.childId, child.registration, { team: 't'.repeat(5000) });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body['errors']).toEqual([
        expect.objectContaining({ field: 'amendedData.team', rule: 'maxLength' }),
      ]);
      expect(await recorded()).toEqual(before);
    });

    it('refuses an amendment that corrects nothing: inherited names (400), no fields (400), every value as recorded (422), nothing recorded', async () => {
      const child = await childInCare('COR-V3');
      const before = await recorded();
      for (const name of ['hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf']) {
        const refused = await amend(child.childId, child.registration, { [name]: 'y' });
        expect({ status: refused.status, body: refused.body }).toMatchObject({
          status: 400,
          body: {
            errors: [expect.objectContaining({ field: `amendedData.${name}`, rule: 'whitelistValidation' })],
          },
        });
      }
      const empty = await amend(child.childId, child.registration, {});
      expect({ status: empty.status, body: empty.body }).toMatchObject({
        status: 400,
        body: { errors: [expect.objectContaining({ field: 'amendedData', rule: 'isNotEmptyObject' })] },
      });
      const same = await amend(child.childId, child.review, {
        effectiveDate: '2023-03-02',
        participation: 'PN0',
      });
      expect({ status: same.status, body: same.body }).toMatchObject({
        status: 422,
        body: { rule: 'amendment-changes-nothing', field: 'amendedData' },
      });
      expect(await recorded()).toEqual(before);
    });

    it('takes a partial amendment within the rules, and the child page shows it', async () => {
      const child = await childInCare('COR-V2');
      const amended = await amend(child.childId, child.review, { effectiveDate: '2023-03-03' });
      expect(amended.status).toBe(201);
      const view = await api.get(`/children/${child.childId}`, worker);
      expect(view.body).toMatchObject({ lastReview: { date: '2023-03-03' } });
    });
  });

  describe('an amended childRef belongs to one child', () => {
    it('refuses a reference another child holds (any case): 409 on amendedData.childRef, nothing recorded, one CHILD in the 903', async () => {
      const holder = await childInCare('COR-R1');
      const other = await childInCare('COR-R2');
      const before = await recorded();
      for (const childRef of ['COR-R1', 'cor-r1', 'Cor-R1']) {
        const refused = await amend(other.childId, other.registration, { ...registerBody({ childRef }) });
        expect({ status: refused.status, body: refused.body }).toMatchObject({
          status: 409,
          body: { rule: 'child-ref-in-use', field: 'amendedData.childRef' },
        });
        // Which child holds it is not said.
        expect(JSON.stringify(refused.body)).not.toContain(holder.childId);
      }
      expect(await recorded()).toEqual(before);
      const header = await api.get<string>('/exports/903?yearEnding=2023-03-31&table=header', reportingJob);
      expect(header.status).toBe(200);
      const children = header.body.split('\n').map((line) => line.split(',')[0].toUpperCase());
      expect(children.filter((ref) => ref === 'COR-R1')).toHaveLength(1);
      expect(children.filter((ref) => ref === 'COR-R2')).toHaveLength(1);
    });

    it('reserves a free reference for the child first; its old reference stays held by it', async () => {
      const child = await childInCare('COR-R3');
      const amended = await amend(child.childId, child.registration, { childRef: 'COR-R4' });
      expect(amended.status).toBe(201);
      expect(await api.get(`/children/${child.childId}`, worker)).toMatchObject({
        body: { child: { childRef: 'COR-R4' } },
      });
      for (const childRef of ['COR-R4', 'cor-r3']) {
        const taken = await api.post('/children', registerBody({ childRef }), worker);
        expect({ status: taken.status, body: taken.body }).toMatchObject({
          status: 409,
          body: { rule: 'child-ref-in-use', field: 'childRef' },
        });
      }
      // The child may take its own old reference back.
      expect((await amend(child.childId, child.registration, { childRef: 'cor-r3' })).status).toBe(201);
    });
  });

  describe('the reporting job’s /events', () => {
    it('shows an amendment of the registration redacted as the registration is, and withholds its reason', async () => {
      const child = await childInCare('COR-P1');
      const identifiers = {
        name: 'Zephyrine Quillfeather',
        upn: 'K802193746015',
        dateOfBirth: '2022-01-11',
        homePostcode: 'YO17 9QZ',
      };
      expect((await amend(child.childId, child.registration, identifiers)).status).toBe(201);
      const lines = await feedLines(reportingJob);
      const mine = lines.filter((line) => line.streamId === journeyStream(child.childId));
      const registration = mine.find((line) => line.type === 'ChildRegistered')!;
      const amendment = mine.find((line) => line.type === 'EntryAmended')!;
      expect(amendment.data).toMatchObject({
        reason: '[withheld]',
        amendedData: { dateOfBirth: '2022-01', homePostcode: 'YO17' },
      });
      expect(Object.keys(amendment.data['amendedData'] as object).sort()).toEqual([
        'dateOfBirth',
        'homePostcode',
      ]);
      expect(Object.keys(registration.data)).not.toContain('name');
      const text = JSON.stringify(mine);
      for (const shown of [
        identifiers.name,
        identifiers.upn,
        identifiers.dateOfBirth,
        identifiers.homePostcode,
      ])
        expect(text).not.toContain(shown);
    });

    it('drops fields no entry holds from an amendment stored before amendedData was checked', async () => {
      const child = await childInCare('COR-P2');
      const notes = 'Spoke with Zephyrine’s aunt at the address';
      // As an older version of the API stored it: written straight to the child's stream.
      await store.appendToStream(
        journeyStream(child.childId),
        [
          journeyEnvelope(
            {
              type: 'EntryAmended',
              data: {
                childId: child.childId,
                effectiveDate: '2023-03-02',
                correctedEventId: child.review,
                reason: 'notes added',
                amendedData: { participation: 'PN0', notes, bogus: 'y' },
              },
            },
            randomUUID(),
            { now: new Date().toISOString(), recordedBy: 'alice' },
          ),
        ],
        { expectedRevision: 'any' },
      );
      const amendment = (await feedLines(reportingJob)).find(
        (line) => line.streamId === journeyStream(child.childId) && line.type === 'EntryAmended',
      )!;
      expect(amendment.data['amendedData']).toEqual({ participation: 'PN0' });
      expect(JSON.stringify(amendment)).not.toContain(notes);
      // Auditors and admins see the log as stored.
      expect((await api.get<string>('/events?limit=1000', admin)).body).toContain(notes);
    });
  });
});
