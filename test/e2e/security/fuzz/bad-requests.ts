import fc from 'fast-check';
import {
  headerSafe,
  impossibleDate,
  INJECTIONS,
  malformedJson,
  UNICODE_EDGES,
  wrongTypeFor,
} from './bad-values';
import type { OperationSpec, PropertySpec } from './openapi-routes';

/** One request that must be refused. `kind` names the category for the printed figures. */
export interface BadRequest {
  kind: string;
  path: string;
  query?: string;
  body?: string;
  headers?: Record<string, string>;
}

const nastyText = fc.constantFrom(...INJECTIONS, ...UNICODE_EDGES);
const json = (value: unknown) => JSON.stringify(value);
const DATE_PARAM =
  /^(asAt|knownAt|from|to|date|yearEnding|periodEnding|fromAsAt|fromKnownAt|toAsAt|toKnownAt)$/;

const baseOf = (props: readonly PropertySpec[]): Record<string, unknown> =>
  Object.fromEntries(props.filter((p) => p.example !== undefined).map((p) => [p.name, p.example]));

/** Percent-encodes, sending a lone surrogate as the bytes a careless encoder would produce. */
const encodeSegment = (text: string): string =>
  Array.from(text)
    .map((ch) => (/^[\ud800-\udfff]$/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch)))
    .join('');

const withPath = (op: OperationSpec, childId: string, id = childId) =>
  op.path.replace(':id', encodeSegment(id)).replace(/:(\w+)/g, 'x');

/** Bad bodies for one command route, built from its schema and examples. */
export function badBodies(
  op: OperationSpec,
  childId: string,
  otherCodes: readonly string[],
): fc.Arbitrary<BadRequest> {
  const props = op.body ?? [];
  const base = baseOf(props);
  const path = withPath(op, childId);
  const pick = (filter: (p: PropertySpec) => boolean) => props.filter(filter);
  const mutate = (
    kind: string,
    candidates: PropertySpec[],
    value: (p: PropertySpec) => fc.Arbitrary<unknown>,
  ) =>
    candidates.length === 0
      ? []
      : [
          fc
            .constantFrom(...candidates)
            .chain((p) => value(p).map((v) => ({ kind, path, body: json({ ...base, [p.name]: v }) }))),
        ];
  const arbitraries: fc.Arbitrary<BadRequest>[] = [
    malformedJson.map((body) => ({ kind: 'malformed JSON', path, body })),
    ...mutate('wrong type', props, (p) => wrongTypeFor(p.type)),
    ...mutate(
      'impossible date',
      pick((p) => p.format === 'date'),
      () => fc.oneof(impossibleDate, nastyText),
    ),
    ...mutate(
      'code from the wrong list',
      pick((p) => p.enum !== undefined),
      (p) =>
        fc.oneof(
          fc.constantFrom(...otherCodes.filter((code) => !p.enum?.map(String).includes(code))),
          nastyText,
          fc.integer(),
        ),
    ),
    ...mutate(
      'huge string',
      pick((p) => p.type === 'string'),
      (p) => fc.integer({ min: (p.maxLength ?? 10_000) + 1, max: 60_000 }).map((n) => 'x'.repeat(n)),
    ),
    // Built as text: a value thousands of levels deep would overflow the test's own JSON.stringify.
    ...(props.length
      ? [
          fc
            .tuple(fc.constantFrom(...props), fc.integer({ min: 17, max: 20_000 }), fc.boolean())
            .map(([p, depth, objects]) => {
              const [open, close] = objects ? ['{"a":', '}'] : ['[', ']'];
              const deep = `${open.repeat(depth)}1${close.repeat(depth)}`;
              const body = json({ ...base, [p.name]: 0 }).replace(
                `${json(p.name)}:0`,
                `${json(p.name)}:${deep}`,
              );
              return { kind: 'deep nesting', path, body };
            }),
        ]
      : []),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 30 }), fc.oneof(fc.json(), nastyText))
      .filter(([key]) => !props.some((p) => p.name === key))
      .map(([key, value]) => ({ kind: 'unknown field', path, body: json({ ...base, [key]: value }) })),
    fc
      .constantFrom(...INJECTIONS)
      .map((key) => ({ kind: 'unknown field', path, body: json({ ...base, [key]: 1 }) })),
    fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x').map((type) => ({
      kind: 'wrong content type',
      path,
      body: json(base),
      headers: { 'content-type': type },
    })),
  ];
  // Path and header fuzz send the example body: only where the route has an id or If-Match to break.
  if (op.pathParams.includes('id')) {
    arbitraries.push(
      fc.oneof(nastyText, fc.string({ minLength: 65, maxLength: 200 })).map((id) => ({
        kind: 'bad child id',
        path: withPath(op, childId, id),
        body: json(base),
      })),
    );
  }
  if (op.headerParams.includes('if-match')) {
    arbitraries.push(
      fc
        .oneof(nastyText, fc.constantFrom('W/"1"', '"1", "2"', '-1', '1.5', '0x10', '"abc"', 'null'))
        .filter((value) => headerSafe(value) && value.trim() !== '' && value.trim() !== '*')
        .map((value) => ({ kind: 'bad If-Match', path, body: json(base), headers: { 'if-match': value } })),
    );
  }
  const required = pick((p) => p.required);
  if (required.length) {
    arbitraries.push(
      fc.constantFrom(...required).map((p) => {
        const { [p.name]: _removed, ...rest } = base;
        return { kind: 'missing field', path, body: json(rest) };
      }),
    );
  }
  if (props.length) {
    arbitraries.push(
      fc.tuple(fc.constantFrom(...props), fc.json()).map(([p, value]) => {
        const text = json(base);
        const inner = text.length > 2 ? `,${text.slice(1, -1)}` : '';
        return { kind: 'duplicate field', path, body: `{${json(p.name)}:${value}${inner}}` };
      }),
    );
  }
  return fc.oneof(...arbitraries);
}

/** Bad paths and queries for one read route. */
export function badQueries(op: OperationSpec, childId: string): fc.Arbitrary<BadRequest> | undefined {
  const path = withPath(op, childId);
  const arbitraries: fc.Arbitrary<BadRequest>[] = [];
  const param = (kind: string, name: string, value: fc.Arbitrary<string>) =>
    value.map((v) => ({ kind, path, query: new URLSearchParams({ [name]: v }).toString() }));
  if (op.pathParams.includes('id')) {
    arbitraries.push(
      fc
        .oneof(nastyText, fc.string({ minLength: 65, maxLength: 300 }))
        .map((id) => ({ kind: 'bad child id', path: withPath(op, childId, id) })),
    );
  }
  for (const { name, type, maximum } of op.queryParams) {
    if (DATE_PARAM.test(name)) {
      // "…KnownAt" is an instant: a full ISO timestamp is a good value there, not a bad one.
      const instant = /knownAt$/i.test(name);
      const bad = fc
        .oneof(impossibleDate, nastyText)
        .filter((v) => v.trim() !== '' && !(instant && /T/.test(v) && !Number.isNaN(Date.parse(v))));
      arbitraries.push(param('impossible date', name, bad));
    } else if (name === 'page' || name === 'pageSize')
      arbitraries.push(
        param(
          'bad page or page size',
          name,
          fc.oneof(
            fc.integer({ max: 0 }).map(String),
            // A page past the end is a fine question (an empty page); a page size over the route's
            // documented maximum (200 where none is documented) is not.
            name === 'pageSize'
              ? fc.integer({ min: (maximum ?? 200) + 1 }).map(String)
              : fc.constantFrom('1.5'),
            // Not '0x10': the DTO reads it as 16 (Number()), lenient rather than wrong.
            fc.constantFrom('1.5', 'abc', '-0', 'NaN', 'Infinity', '-1e9', ' '),
          ),
        ),
      );
    else if (name === 'minPosition')
      arbitraries.push(
        param('bad position', name, fc.constantFrom('-1', 'abc', '1.5', ' ', '__proto__', '1;DROP')),
      );
    else if (type === 'number' || type === 'integer')
      arbitraries.push(
        param(
          'bad number',
          name,
          fc.oneof(
            fc.integer({ max: -1 }).map(String),
            fc.constantFrom('abc', '1.5e400', '9'.repeat(40), 'NaN'),
          ),
        ),
      );
    else
      arbitraries.push(
        param(
          'huge string',
          name,
          fc.integer({ min: 2_001, max: 20_000 }).map((n) => 'q'.repeat(n)),
        ),
      );
  }
  return arbitraries.length ? fc.oneof(...arbitraries) : undefined;
}
