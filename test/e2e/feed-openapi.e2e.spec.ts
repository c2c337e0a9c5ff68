/**
 * Reviews s14 F3 and F9: the OpenAPI document describes a /feed line (so a consumer finds
 * `withdrawn` at the top level of change.withdrawn, not in `data`) and real lines fit it; and no
 * parameter is typed as an object (`limit` of /feed and /events was `$ref Object`).
 */
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Schema {
  properties?: Record<string, { enum?: string[]; type?: string }>;
  required?: string[];
}
interface Parameter {
  name: string;
  schema?: Record<string, unknown>;
}
interface OpenApi {
  paths: Record<string, Record<string, { parameters?: Parameter[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, Schema> };
}

describe('OpenAPI for the reporting feeds (real HTTP app)', () => {
  let t: TestApp;
  let api: ApiClient;
  let doc: OpenApi;

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const response = await api.get<OpenApi>('/docs-json');
    expect(response.status).toBe(200);
    doc = response.body;
  }, 60_000);
  afterAll(() => t.close());

  it('Given /feed and /events, Then limit is an integer parameter, and no parameter anywhere refers to the empty Object schema', () => {
    for (const path of ['/feed', '/events']) {
      const limit = doc.paths[path].get.parameters?.find((p) => p.name === 'limit');
      expect({ path, type: limit?.schema?.type, allOf: limit?.schema?.allOf }).toEqual({
        path,
        type: 'integer',
        allOf: undefined,
      });
    }
    const objectRefs = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.values(operations).flatMap((operation) =>
        (operation.parameters ?? [])
          .filter((p) => JSON.stringify(p.schema ?? {}).includes('#/components/schemas/Object'))
          .map((p) => `${path} ${p.name}`),
      ),
    );
    expect(objectRefs).toEqual([]);
  });

  it('Given the /feed 200 response, Then it names the line schemas: kinds, a top-level withdrawn, data, and the checkpoint line with the content id', () => {
    const ok = JSON.stringify(doc.paths['/feed'].get.responses['200']);
    expect(ok).toContain('#/components/schemas/FeedChangeLine');
    expect(ok).toContain('#/components/schemas/FeedCheckpointLine');
    const line = doc.components.schemas.FeedChangeLine;
    expect(line.properties?.kind.enum).toEqual(expect.arrayContaining(['flag.opened', 'change.withdrawn']));
    expect(line.properties?.withdrawn.enum).toEqual(expect.arrayContaining(['flag.opened', 'care.started']));
    expect(line.required).not.toContain('withdrawn');
    expect(doc.components.schemas.FeedCheckpointLine.properties).toHaveProperty('content');
  });

  it('Given a withdrawal on the feed (a start of care retracted), Then the real line has withdrawn at the top level and only properties the schema names', async () => {
    const social = tokenFor('social_worker', 'alice');
    const admin = tokenFor('admin');
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'LA-SCHEMA', effectiveDate: '2024-01-05' }),
      { token: social },
    );
    expect(registered.status).toBe(201);
    const childId = registered.body.childId;
    const started = await api.post<{ globalPosition: string; events: { id: string }[] }>(
      `/children/${childId}/periods-of-care`,
      { ...startCareBody, effectiveDate: '2024-01-05' },
      { token: social },
    );
    expect(started.status).toBe(201);
    const retracted = await api.post<{ globalPosition: string }>(
      `/children/${childId}/corrections/retract`,
      { retractedEventId: started.body.events[0].id, reason: 'wrong child' },
      { token: admin },
    );
    expect(retracted.status).toBe(201);
    const feed = await api.get<string>(`/feed?minPosition=${retracted.body.globalPosition}`, {
      token: tokenFor('reporting_job'),
    });
    expect(feed.status).toBe(200);
    const lines = String(feed.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const withdrawal = lines.find((l) => l.kind === 'change.withdrawn' && l.childId === childId);
    expect(withdrawal).toMatchObject({ withdrawn: expect.any(String) });
    expect(withdrawal?.data).not.toHaveProperty('withdrawn');
    const named = Object.keys(doc.components.schemas.FeedChangeLine.properties ?? {});
    for (const l of lines.slice(0, -1)) expect(Object.keys(l).filter((k) => !named.includes(k))).toEqual([]);
    expect(Object.keys(lines.at(-1) ?? {}).sort()).toEqual(
      Object.keys(doc.components.schemas.FeedCheckpointLine.properties ?? {}).sort(),
    );
  });
});
