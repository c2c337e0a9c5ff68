import type { RegisteredRoute } from '../../apps/api/src/create-app';
import { apiClient, type ApiClient } from './support/http-client';
import { eventCount, newChild } from './support/journey-setup';
import { normalise, ROUTE_ROLES } from './support/route-roles';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

/**
 * The API's one rule for query strings: every JSON route takes the parameters it declares (and
 * documents in /docs-json), and refuses any other with a 400 naming it and the ones it takes.
 * The HTML pages keep the same rule in their own way: an unknown parameter is reported on the
 * page (a CSV download is refused with the 400). Not covered: the Swagger UI's own files, static
 * assets, and the sign-in page.
 */
// The web pages (and `/`, which sends a browser to them) answer with pages, not JSON errors.
const NOT_JSON_ROUTES = /^\/(docs|assets|panel|login|accessibility)\b|^\/$/;

type ErrorBody = { errors: { field: string; rule: string; message: string }[] };
type OpenApi = { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };

describe('query parameters: an unknown one is a 400 on every JSON GET route', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  let routes: RegisteredRoute[];
  let openApi: OpenApi;

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    childId = await newChild(api);
    routes = t.routes.filter((route) => route.method === 'GET' && !NOT_JSON_ROUTES.test(route.url));
    openApi = (await api.get<OpenApi>('/docs-json')).body;
  });
  afterAll(async () => t.close());

  const urlFor = (pattern: string) =>
    pattern
      .replace(/:id\b/g, childId)
      .replace(':measure', 'looked-after')
      .replace(':name', 'child-summaries');
  /** A role the route admits (none for a public one): the guard lets it through to validation. */
  const tokenOf = (route: RegisteredRoute) => {
    const expected = normalise(ROUTE_ROLES[`GET ${route.url}`] ?? 'public');
    return expected.public ? undefined : tokenFor(expected.roles[0]);
  };
  /** The query parameters /docs-json documents for the route, sorted. */
  const documented = (route: RegisteredRoute) =>
    (openApi.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.get?.parameters ?? [])
      .filter((p) => p.in === 'query')
      .map((p) => p.name)
      .sort();

  it('GET /children/:id?asAt= is refused, not answered with today’s view', async () => {
    const response = await api.get<ErrorBody>(`/children/${childId}?asAt=2024-01-01`, {
      token: tokenFor('social_worker'),
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        field: 'asAt',
        rule: 'whitelistValidation',
        message: 'asAt is not a query parameter of this route; it takes none',
      },
    ]);
    const history = await api.get<ErrorBody>(`/children/${childId}/history?asat=2024-01-01`, {
      token: tokenFor('social_worker'),
    });
    expect(history.status).toBe(400);
    expect(history.body.errors[0]).toMatchObject({ field: 'asat', rule: 'whitelistValidation' });
    expect(history.body.errors[0].message).toMatch(
      /^asat is not a query parameter of this route; it takes .*asAt/,
    );
  });

  it('every JSON GET route names the unknown parameter and the ones it takes, as /docs-json documents them', async () => {
    expect(routes.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const route of routes) {
      const response = await api.get<ErrorBody>(`${urlFor(route.url)}?notAParam=1`, {
        token: tokenOf(route),
      });
      const takes = documented(route);
      const expected = {
        field: 'notAParam',
        rule: 'whitelistValidation',
        message: `notAParam is not a query parameter of this route; it takes ${takes.length ? takes.join(', ') : 'none'}`,
      };
      const found =
        response.status === 400 ? response.body.errors?.find((e) => e.field === 'notAParam') : undefined;
      if (JSON.stringify(found) !== JSON.stringify(expected))
        wrong.push(`GET ${route.url}: ${response.status} ${JSON.stringify(found ?? response.body)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('still answers the parameters a route takes', async () => {
    const token = tokenFor('auditor');
    expect((await api.get(`/children/${childId}`, { token })).status).toBe(200);
    expect((await api.get(`/children/${childId}/events?page=1&pageSize=5`, { token })).status).toBe(200);
    expect((await api.get('/feed?after=0&limit=5', { token })).status).toBe(200);
    expect((await api.get('/health')).status).toBe(200);
  });

  it('every command route takes no query parameter: ?dryRun=true is refused and nothing is recorded', async () => {
    const commands = t.routes.filter(
      (route) => route.method === 'POST' && /^\/(children|admin)\b/.test(route.url),
    );
    expect(commands.length).toBeGreaterThan(20);
    const before = await eventCount(api, childId);
    const wrong: string[] = [];
    for (const route of commands) {
      const response = await api.post<ErrorBody>(
        `${urlFor(route.url)}?dryRun=true`,
        {},
        {
          token: tokenFor(normalise(ROUTE_ROLES[`POST ${route.url}`] ?? 'public').roles[0] ?? 'admin'),
        },
      );
      const expected = [
        {
          field: 'dryRun',
          rule: 'whitelistValidation',
          message: 'dryRun is not a query parameter of this route; it takes none',
        },
      ];
      if (response.status !== 400 || JSON.stringify(response.body.errors) !== JSON.stringify(expected))
        wrong.push(`POST ${route.url}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    expect(wrong).toEqual([]);
    expect(await eventCount(api, childId)).toBe(before);
  });

  describe('the pages say so on the page', () => {
    const panel = () => ({ token: tokenFor('panel_member', 'pat') });
    const summaryOf = (page: string) =>
      /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(page)?.[0] ?? '';

    it.each([
      [
        '/panel/children/:id?asat=2024-01-01',
        'asat',
        'asAt, knownAt, position, recorded, found',
        'replay-form',
      ],
      ['/panel/drift?asAt=2025-03-31&sortby=team', 'sortby', 'asAt, rule, team', 'drift-filters'],
      ['/panel/measures?year=2025', 'year', 'yearEnding, years', 'measures-years'],
    ])('%s names %s and what the page uses', async (path, name, uses, formId) => {
      const response = await api.get<string>(path.replace(':id', childId), panel());
      expect(response.status).toBe(200);
      const summary = summaryOf(response.body);
      expect(summary).toContain(
        `<a href="#${formId}">The address has “${name}”, which this page does not use: it uses ${uses}`,
      );
      expect(response.body).toContain(`id="${formId}"`);
    });

    it('a page’s own links and forms carry only what it uses, so they raise nothing', async () => {
      for (const path of [
        `/panel/children/${childId}?asAt=2024-01-01&knownAt=2024-02-01`,
        `/panel/children/${childId}?recorded=review&position=3`,
        '/panel/drift?asAt=2025-03-31&rule=DR01&team=&socialWorker=&legalStatus=&ageBand=&minDaysOverdue=&dueWithinDays=30&sort=team&dir=asc&page=1&all=1',
        '/panel/measures?yearEnding=2025-03-31&years=3',
      ]) {
        const response = await api.get<string>(path, panel());
        expect({ path, status: response.status, summary: summaryOf(response.body) }).toEqual({
          path,
          status: 200,
          summary: '',
        });
      }
    });

    it('the drift CSV, a download, refuses an unknown parameter with the 400', async () => {
      const refused = await api.get<string>('/panel/drift.csv?asat=2025-03-31', panel());
      expect(refused.status).toBe(400);
      expect(refused.body).toContain('The address has “asat”, which this page does not use');
      expect(refused.body).not.toContain('as_at,child_id');
    });
  });
});
