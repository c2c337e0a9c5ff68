/**
 * The panel's drift page and GET /drift-report keep their reports in one place (session 20:
 * ScopedDriftReports, one instance for both controllers; the page had a cache of its own keyed the
 * same way). A report made for one surface serves the other: the page asks for the same kept
 * report the API was given, and its rows are the API's rows.
 */
import { ScopedDriftReports } from '../../apps/api/src/projections/scoped-drift-reports';
import { apiClient, type ApiClient } from './support/http-client';
import { newChild } from './support/journey-setup';
import { onOneDay } from './support/one-day';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

describe('the drift page and GET /drift-report share their kept reports', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  const panel = tokenFor('panel_member', 'pat-shared');

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    childId = await newChild(api);
  });
  afterAll(async () => t?.close());

  it('Given the API gave a report, When the panel opens the drift page for the same date, Then the page is given that kept report (not one worked out again) and shows its child', async () => {
    const reports = t.app.get(ScopedDriftReports);
    const asked = jest.spyOn(reports, 'withSummaries');
    try {
      // The API and the page each work out "today": a midnight between them gives two keys, so the
      // pair is asked again on the new day (review s20 diff F8).
      await onOneDay(async () => {
        asked.mockClear();
        const head = String(await t.store.headPosition());
        const fromApi = await api.get<{ children: { childId: string }[] }>(
          `/drift-report?minPosition=${head}`,
          {
            token: panel,
          },
        );
        expect(fromApi.status).toBe(200);
        expect(fromApi.body.children.map((row) => row.childId)).toContain(childId);

        const page = await fetch(`${t.baseUrl}/panel/drift`, {
          headers: { authorization: `Bearer ${panel}` },
        });
        expect(page.status).toBe(200);
        const html = await page.text();
        expect(html).toContain(`/panel/children/${childId}`);

        expect(asked).toHaveBeenCalledTimes(2);
        const [forApi, forPage] = asked.mock.results.map((result) => result.value as unknown);
        expect(forPage).toBe(forApi);
      });
    } finally {
      asked.mockRestore();
    }
  });
});
