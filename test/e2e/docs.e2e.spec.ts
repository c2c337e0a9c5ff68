import { apiClient, type ApiClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

interface OpenApi {
  paths: Record<
    string,
    Record<string, { security?: unknown[]; requestBody?: unknown; responses: Record<string, unknown> }>
  >;
  components: {
    schemas: Record<string, { properties?: Record<string, { example?: unknown }> }>;
    securitySchemes: Record<string, unknown>;
  };
}

describe('OpenAPI document and Swagger UI', () => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
  });
  afterAll(async () => t.close());

  it('serves the UI at /docs without a token', async () => {
    const page = await api.get<string>('/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger-ui');
  });

  it('documents every children route with bearer auth, its errors and example bodies', async () => {
    const { status, body } = await api.get<OpenApi>('/docs-json');
    expect(status).toBe(200);
    expect(body.components.securitySchemes).toHaveProperty('bearer');
    const childRoutes = Object.entries(body.paths).filter(([path]) => path.startsWith('/children'));
    expect(childRoutes.length).toBeGreaterThanOrEqual(22);
    for (const [path, operations] of childRoutes) {
      for (const [method, operation] of Object.entries(operations)) {
        expect({ path, method, security: operation.security }).toEqual({
          path,
          method,
          security: [{ bearer: [] }],
        });
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403']));
        if (method === 'post')
          expect(Object.keys(operation.responses)).toEqual(
            expect.arrayContaining(['201', '400', '409', '422']),
          );
      }
    }
    const placement = body.components.schemas.ChangePlacementDto.properties ?? {};
    expect(placement.effectiveDate.example).toBe('2024-03-04');
    expect(placement.reasonForChange.example).toBe('CARPL');
  });
});
