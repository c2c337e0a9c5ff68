import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { ruleShortcutOf } from './rule-shortcut';
import { createValidationPipe } from './validation-pipe';

type DtoClass = new () => object;

/** Every class with validation rules exported from the API's DTO folders: the bodies the pipe sees. */
function appDtoClasses(): DtoClass[] {
  const folders = [join(__dirname, '../children/dto'), join(__dirname, '../child-refs')];
  const classes = new Set<DtoClass>();
  for (const folder of folders)
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')))
      for (const exported of Object.values(jest.requireActual<Record<string, unknown>>(join(folder, file))))
        if (
          typeof exported === 'function' &&
          getMetadataStorage().getTargetValidationMetadatas(exported as DtoClass, '', false, false).length > 0
        )
          classes.add(exported as DtoClass);
  return [...classes].sort((a, b) => a.name.localeCompare(b.name));
}

/** The class's fields with their OpenAPI examples: a body that is valid as far as the examples go. */
function exampleBody(dto: DtoClass): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const names = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(dto, '', true, false)
      .map((r) => r.propertyName),
  );
  for (const name of names) {
    const doc = Reflect.getMetadata('swagger/apiModelProperties', dto.prototype, name) as
      { example?: unknown } | undefined;
    if (doc?.example !== undefined) body[name] = doc.example;
  }
  return body;
}

const ODD_VALUES: unknown[] = [
  null,
  '',
  ' ',
  0,
  42,
  -1.5,
  true,
  false,
  'x'.repeat(2_100),
  '2025-02-30',
  '1899-12-31',
  '2025-04-02',
  'PN1',
  'adoption',
  'a\nb',
  'a\u202eb',
  {},
  [],
  ['PN1'],
];

/**
 * The example, then each field left out or replaced by an odd value, then unknown and inherited keys.
 * Each is made afresh for each pipe: Nest's pipe deletes `constructor` and `__proto__` keys in place.
 */
function bodiesFor(dto: DtoClass): (() => unknown)[] {
  const example = exampleBody(dto);
  const bodies: unknown[] = [example, {}];
  for (const name of Object.keys(example)) {
    const { [name]: _left, ...without } = example;
    bodies.push(without);
    for (const odd of ODD_VALUES) bodies.push({ ...example, [name]: odd });
  }
  bodies.push(
    { ...example, colour: 'blue' },
    { ...example, toString: 'x' },
    { ...example, constructor: 'x' },
  );
  return [
    ...bodies.map((body) => () => copyOf(body)),
    () => Object.assign(Object.create(null) as object, example),
    () => JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(example).slice(1)}`) as unknown,
    () => [{ ...example }],
    () => null,
    () => 'text',
  ];
}

const copyOf = (body: unknown): unknown => JSON.parse(JSON.stringify(body)) as unknown;

/** What a pipe answers: the instance it returns (class, keys in order, values), or the 400's body. */
async function outcome(pipe: ValidationPipe, dto: DtoClass, body: unknown): Promise<unknown> {
  try {
    const result = (await pipe.transform(body, { type: 'body', metatype: dto, data: undefined })) as object;
    return { class: result.constructor.name, keys: Object.keys(result), values: { ...result } };
  } catch (error) {
    return { refused: (error as { getResponse(): unknown }).getResponse() };
  }
}

describe('the rule shortcut on every DTO of the API', () => {
  const withShortcuts = createValidationPipe();
  const fullRun = createValidationPipe({ ruleShortcuts: false });
  const dtos = appDtoClasses();

  it('finds the command DTOs, most of them with a shortcut', () => {
    expect(dtos.length).toBeGreaterThan(25);
    const shortcut = dtos.filter((dto) => ruleShortcutOf(dto) !== undefined);
    expect(shortcut.length).toBeGreaterThan(dtos.length / 2);
    expect(shortcut.map((dto) => dto.name)).toContain('RecordReviewDto');
  });

  it.each(dtos.map((dto) => [dto.name, dto]))(
    'given %s, when any body is validated, then the pipe answers exactly as the full run does',
    async (_name, dto) => {
      let acceptedByShortcut = 0;
      for (const body of bodiesFor(dto)) {
        const expected = await outcome(fullRun, dto, body());
        expect({ body: body(), answer: await outcome(withShortcuts, dto, body()) }).toEqual({
          body: body(),
          answer: expected,
        });
        if (ruleShortcutOf(dto)?.(body()) !== undefined) acceptedByShortcut++;
      }
      // The examples are valid for a flat class with a shortcut: the shortcut itself was exercised.
      const flat = ruleShortcutOf(dto) !== undefined;
      if (flat && Object.keys(exampleBody(dto)).length > 0) expect(acceptedByShortcut).toBeGreaterThan(0);
    },
  );
});
