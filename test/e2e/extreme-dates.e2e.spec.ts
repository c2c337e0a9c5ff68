import type { Role } from '@care-journey/access';
import { apiClient, type ApiClient } from './support/http-client';
import { newChild } from './support/journey-setup';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

type ErrorBody = { errors?: { field: string; rule: string; message: string }[] };

/**
 * Dates at either end of the calendar (year 0001, 9999) put the measures' year-long windows and
 * the timeline's axis outside it: every date a query takes is bounded to 1900-01-01..2100-12-31,
 * a 400 naming the field and the rule on a JSON route, a field error on a page — never a 500.
 */
describe('query dates outside 1900–2100: refused by name, never a 500', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  const as = (role: Role) => ({ token: tokenFor(role, `${role}-u`) });

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    childId = await newChild(api);
  });
  afterAll(() => t.close());

  const jsonRoutes: [string, string, Role][] = [
    // path (DATE is the extreme date; YEAR its year), the field named, the role asking
    ['/scorecard?periodEnding=YEAR-03-31', 'periodEnding', 'auditor'],
    ['/stability?yearEnding=YEAR-03-31', 'yearEnding', 'auditor'],
    ['/stability?asAt=DATE', 'asAt', 'auditor'],
    ['/permanence?from=DATE&to=2025-03-31', 'from', 'auditor'],
    ['/drift-report?asAt=DATE', 'asAt', 'auditor'],
    ['/measures?from=YEAR-01&to=2025-03', 'from', 'auditor'],
    ['/measures/as-at?date=DATE', 'date', 'auditor'],
    ['/measures/ST1/children?from=2025-03&to=DATE', 'to', 'auditor'],
    ['/exports/903?yearEnding=YEAR-03-31', 'yearEnding', 'reporting_job'],
    ['/exports/read-models/open-flags?asAt=DATE', 'asAt', 'auditor'],
    ['/audit/access-log?childId=*&from=DATE', 'from', 'auditor'],
    ['/children/:id/history?asAt=DATE', 'asAt', 'auditor'],
    ['/children/:id/history?knownAt=YEAR-01-01T00:00:00Z', 'knownAt', 'auditor'],
  ];

  for (const date of ['0001-03-31', '1899-12-31', '2101-01-01', '9999-12-31']) {
    it.each(jsonRoutes)(`${date}: %s → 400 naming %s`, async (path, field, role) => {
      const url = path.replace(':id', childId).replace('DATE', date).replace('YEAR', date.slice(0, 4));
      const answer = await api.get<ErrorBody>(url, as(role));
      expect({ url, status: answer.status, errors: answer.body.errors }).toEqual({
        url,
        status: 400,
        errors: expect.arrayContaining([
          {
            field,
            rule: 'isDateInSupportedYears',
            message: `${field} must be between 1900-01-01 and 2100-12-31`,
          },
        ]),
      });
    });
  }

  it('the case-history diff (sides written asAt:…, knownAt:…) is no 500 either', async () => {
    for (const side of ['asAt:9999-12-31', 'asAt:0001-01-01', 'knownAt:9999-12-31T00:00:00Z']) {
      const url = `/children/${childId}/history/diff?from=${side}&to=asAt:2025-01-01`;
      expect({ url, status: (await api.get(url, as('auditor'))).status }).toEqual({ url, status: 400 });
    }
  });

  it('takes the ends of the range themselves', async () => {
    for (const url of ['/drift-report?asAt=1900-01-01', '/drift-report?asAt=2100-12-31'])
      expect({ url, status: (await api.get(url, as('auditor'))).status }).toEqual({ url, status: 200 });
  });

  it.each([
    ['/panel/children/:id?asAt=9999-12-31', 'As at must be between 1900-01-01 and 2100-12-31'],
    ['/panel/children/:id?knownAt=0001-01-01', 'As known at must be between 1900-01-01 and 2100-12-31'],
    ['/panel/drift?asAt=0001-03-31', 'As at date must be between 1900-01-01 and 2100-12-31'],
    ['/panel/measures?yearEnding=0001-03-31', 'Year ending must be between 1900-01-01 and 2100-12-31'],
    ['/panel/measures/ST1?yearEnding=9999-03-31', 'Year ending must be between 1900-01-01 and 2100-12-31'],
  ])('the page %s says so on the page', async (path, message) => {
    const page = await api.get<string>(path.replace(':id', childId), as('panel_member'));
    expect(page.status).toBeLessThan(500);
    expect(page.body).toContain(message);
  });
});
