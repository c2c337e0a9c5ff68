/**
 * A record form sent back filled in after a refusal names the child and pre-fills what was sent
 * (a correction: the entry as recorded, UPN and date of birth included). Like the first render it
 * is a read of the child: a `form` entry in the read-access trail (s8 review, "Security, left").
 * Real HTTP app, real SQLite file.
 */
import { apiClient, type ApiClient } from './support/http-client';
import { namedChildrenInCare } from './support/journey-setup';
import { trailEntriesAfter, type TrailEntry } from './support/trail-entries';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { inputsOf } from './support/form-inputs';

describe('a record form refilled after a refusal is in the read-access trail, as its first render is', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  const worker = tokenFor('social_worker', 'refill-worker');
  const entriesAfter = (read: () => Promise<unknown>): Promise<TrailEntry[]> =>
    trailEntriesAfter(api, tokenFor('auditor', 'refill-auditor'), read, childId);

  /** POST a form as the page would send it (form-encoded), with a bearer token. */
  const send = (form: string, fields: Record<string, string>) =>
    fetch(`${t.baseUrl}/panel/children/${childId}/record/${form}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        authorization: `Bearer ${worker}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(fields).toString(),
    });

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const made = await namedChildrenInCare(api, ['Rhoda Refill'], 'REFILL');
    childId = made.ids[0];
    // The read models hold the child before its pages are read (a reporting job's read: no entry).
    const caughtUp = await api.get(`/drift-report?minPosition=${made.position}`, {
      token: tokenFor('reporting_job'),
    });
    expect(caughtUp.status).toBe(200);
  }, 60_000);
  afterAll(() => t?.close());

  it('Given a correction of the registration sent without its reason, When it comes back refilled, Then one form entry names the child, the form and the entry', async () => {
    const events = await api.get<{ items: { id: string; type: string }[] }>(`/children/${childId}/events`, {
      token: worker,
    });
    const registration = events.body.items.find((e) => e.type === 'ChildRegistered')!;
    const opened = await api.get<string>(`/panel/children/${childId}/record/amend?entry=${registration.id}`, {
      token: worker,
    });
    expect(opened.status).toBe(200);
    const fields = { ...inputsOf(opened.body), reason: '' };

    let page = '';
    const added = await entriesAfter(async () => {
      const refused = await send('amend', fields);
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
      page = await refused.text();
    });
    // The refilled page shows the child and the entry's personal data again.
    expect(page).toContain('Rhoda Refill');
    expect(page).toContain('A123456789012');
    expect(added).toEqual([
      expect.objectContaining({
        readBy: 'refill-worker',
        role: 'social_worker',
        childId,
        view: 'form',
        query: { form: 'amend', entry: registration.id },
      }),
    ]);
  });

  it('Given a record form with a key we never drew, When it comes back with a new key, Then the refill is recorded', async () => {
    const opened = await api.get<string>(`/panel/children/${childId}/record/review`, { token: worker });
    const fields = inputsOf(opened.body);
    const refill = await entriesAfter(async () => {
      expect((await send('review', { ...fields, idempotencyKey: 'not a key' })).status).toBe(400);
    });
    expect(refill).toEqual([expect.objectContaining({ childId, view: 'form', query: { form: 'review' } })]);
  });
});
