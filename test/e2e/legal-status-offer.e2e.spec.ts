/**
 * Definitions review finding 3, the form's side: a legal status change (or a placement order) dated
 * after a temporary placement began is refused (903 rules 380/383), so the child's page does not
 * offer either form while the child is in one, and offers both again after the return. The form
 * itself stays at its address: a change dated on or before the stay's first day is still valid.
 * Real HTTP app, real SQLite file.
 */
import { apiClient, type ApiClient } from './support/http-client';
import { newChild } from './support/journey-setup';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { OUTCOME_DEADLINE_MS } from './support/poll';

describe('the legal status form during a temporary placement', () => {
  let t: TestApp;
  let api: ApiClient;
  const worker = tokenFor('social_worker', 'sw.demo');

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
  }, 60_000);
  afterAll(() => t?.close());

  const record = async (childId: string, route: string, body: Record<string, unknown>): Promise<void> => {
    const response = await api.post(`/children/${childId}/${route}`, body, { token: worker });
    expect(response.status).toBe(201);
  };

  /** The record forms' addresses the child's page links to (once the read models hold the child). */
  const offered = async (childId: string): Promise<string[]> => {
    for (const deadline = Date.now() + OUTCOME_DEADLINE_MS; Date.now() < deadline;) {
      const response = await fetch(`${t.baseUrl}/panel/children/${childId}`, {
        headers: { authorization: `Bearer ${worker}` },
      });
      if (response.status === 200) {
        const links = /<ul class="govuk-list" id="record-links">(.*?)<\/ul>/s.exec(await response.text());
        return [...(links?.[1] ?? '').matchAll(/\/record\/([a-z-]+)"/g)].map((match) => match[1]);
      }
      expect(response.status).toBe(404);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the read models never held the child');
  };

  it('is not offered while the child is in hospital (T1), nor the placement order; after the return both are', async () => {
    const childId = await newChild(api);
    await record(childId, 'adoption/decision', { effectiveDate: '2023-03-01' });
    expect(await offered(childId)).toEqual(expect.arrayContaining(['legal-status', 'placement-order']));

    await record(childId, 'temporary-placements', { effectiveDate: '2023-03-10', placementType: 'T1' });
    const away = await offered(childId);
    expect(away).toContain('temporary-placement-end');
    expect(away).not.toContain('legal-status');
    expect(away).not.toContain('placement-order');

    // What the page no longer offers the domain refuses, naming the rule.
    const refused = await api.post<{ rule: string }>(
      `/children/${childId}/legal-status`,
      { effectiveDate: '2023-03-12', legalStatus: 'C2' },
      { token: worker },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('legal-status-during-temporary-placement');
    // The form is still there for a change dated on or before the stay's first day.
    const form = await fetch(`${t.baseUrl}/panel/children/${childId}/record/legal-status`, {
      headers: { authorization: `Bearer ${worker}` },
    });
    expect(form.status).toBe(200);

    await record(childId, 'temporary-placements/end', { effectiveDate: '2023-03-15' });
    expect(await offered(childId)).toEqual(expect.arrayContaining(['legal-status', 'placement-order']));
  });
});
