/** What the fuzz needs to know of each operation, read from the API's own OpenAPI document. */
export interface PropertySpec {
  name: string;
  type?: string;
  format?: string;
  enum?: readonly (string | number)[];
  maxLength?: number;
  example?: unknown;
  required: boolean;
}

export interface OperationSpec {
  method: string;
  /** Fastify style: /children/:id */
  path: string;
  pathParams: string[];
  /** Query parameters, with the documented maximum where the route declares one. */
  queryParams: { name: string; type?: string; maximum?: number }[];
  /** Header parameters, lower case (e.g. if-match). */
  headerParams: string[];
  /** Body properties (POST with a JSON body), else undefined. */
  body?: PropertySpec[];
}

interface Schema {
  type?: string;
  maximum?: number;
  format?: string;
  enum?: (string | number)[];
  maxLength?: number;
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; schema?: Schema }[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

const resolve = (doc: OpenApiDoc, schema: Schema): Schema => {
  const ref = schema.$ref ?? schema.allOf?.[0]?.$ref;
  const name = ref?.split('/').pop();
  return name ? (doc.components.schemas[name] ?? schema) : schema;
};

export function operationsOf(doc: OpenApiDoc): OperationSpec[] {
  const operations: OperationSpec[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = op.parameters ?? [];
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const resolved = bodySchema ? resolve(doc, bodySchema) : undefined;
      operations.push({
        method: method.toUpperCase(),
        path: path.replace(/\{(\w+)\}/g, ':$1'),
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, type: p.schema?.type, maximum: p.schema?.maximum })),
        headerParams: parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
        body: resolved?.properties
          ? Object.entries(resolved.properties).map(([name, property]) => ({
              name,
              type: property.type,
              format: property.format,
              enum: property.enum,
              maxLength: property.maxLength,
              example: property.example,
              required: resolved.required?.includes(name) ?? false,
            }))
          : undefined,
      });
    }
  }
  return operations;
}

/** Every enum value the document knows: a code from another list is one of these. */
export const allEnumValues = (operations: readonly OperationSpec[]): string[] => [
  ...new Set(operations.flatMap((op) => op.body ?? []).flatMap((p) => (p.enum ?? []).map(String))),
];
