import { useTestApi } from './support/test-app';

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        security?: unknown[];
        requestBody?: unknown;
        responses: Record<string, unknown>;
      }
    >
  >;
  components: {
    schemas: Record<string, { properties?: Record<string, { example?: unknown }> }>;
    securitySchemes: Record<string, unknown>;
  };
}

describe('OpenAPI document and Swagger UI', () => {
  const api = useTestApi();

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

  it('every $ref in the document points at a schema it defines (Swagger UI shows "Resolver error" otherwise)', async () => {
    const { body } = await api.get<OpenApi>('/docs-json');
    const refs = refsIn(body);
    expect(refs.length).toBeGreaterThan(0);
    const unresolved = refs.filter(({ ref }) => !resolves(body, ref));
    expect(unresolved).toEqual([]);
  });

  it('the nested bodies are described by their own schemas: placement and previousPermanence', async () => {
    const { body } = await api.get<OpenApi>('/docs-json');
    const property = (schema: string, name: string) =>
      (body.components.schemas[schema].properties ?? {})[name] as Record<string, unknown>;
    const placementRef = '#/components/schemas/PlacementDetailsDto';
    for (const schema of ['StartPeriodOfCareDto', 'ChangePlacementDto'])
      expect(JSON.stringify(property(schema, 'placement'))).toContain(placementRef);
    // A placement for adoption takes A3–A6 only: its own schema, with the same details otherwise.
    expect(JSON.stringify(property('PlaceForAdoptionDto', 'placement'))).toContain(
      '#/components/schemas/AdoptivePlacementDetailsDto',
    );
    expect(body.components.schemas.AdoptivePlacementDetailsDto.properties).toHaveProperty('placementType');
    expect(JSON.stringify(property('StartPeriodOfCareDto', 'previousPermanence'))).toContain(
      '#/components/schemas/PreviousPermanenceDto',
    );
    expect(body.components.schemas.PlacementDetailsDto.properties).toHaveProperty('placementType');
  });

  it('gives every operation its own id, from a controller name no other documented controller has (review L4)', async () => {
    const { body } = await api.get<OpenApi>('/docs-json');
    const operations = Object.entries(body.paths).flatMap(([path, methods]) =>
      Object.values(methods).map((operation) => ({ path, id: operation.operationId ?? '' })),
    );
    const ids = operations.map((operation) => operation.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // The authority's measures and the outcome measures were both MeasuresController.
    const pathsOf = (controller: string): string[] =>
      operations
        .filter((operation) => operation.id.startsWith(`${controller}_`))
        .map((operation) => operation.path);
    expect(pathsOf('MeasuresController').every((path) => path.startsWith('/measures'))).toBe(true);
    expect(pathsOf('OutcomeMeasuresController')).toEqual(
      expect.arrayContaining(['/permanence', '/scorecard', '/stability']),
    );
  });
});

/** Every `$ref` in the document, with the JSON path it sits at. */
function refsIn(node: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => refsIn(item, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [{ at, ref: value }] : refsIn(value, `${at}/${key}`),
  );
}

/** A local JSON pointer (`#/components/schemas/X`) that names something in the document. */
function resolves(document: unknown, ref: string): boolean {
  if (!ref.startsWith('#/')) return false;
  let node: unknown = document;
  for (const part of ref.slice(2).split('/')) {
    if (part === '' || node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node !== undefined;
}
