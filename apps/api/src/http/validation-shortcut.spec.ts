import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { ChildIdParam } from '../children/dto/child-id.param';
import { createValidationPipe } from './validation-pipe';

const asParam: ArgumentMetadata = { type: 'param', metatype: ChildIdParam, data: undefined };

/** The same pipe without shortcuts: class-transformer + class-validator on every value. */
function fullRun(): ValidationPipe {
  const pipe = createValidationPipe();
  return Object.assign(Object.create(ValidationPipe.prototype) as ValidationPipe, pipe);
}

/** What a pipe answers: the value it returns, or the body of the 400 it throws. */
async function outcome(pipe: ValidationPipe, value: unknown): Promise<unknown> {
  try {
    const result: unknown = await pipe.transform(value, asParam);
    return { result, isParam: result instanceof ChildIdParam };
  } catch (error) {
    return { refused: (error as { getResponse(): unknown }).getResponse() };
  }
}

describe('the :id shortcut of the validation pipe', () => {
  const values: unknown[] = [
    { id: '3f0c9a4e-5d6b-4c1e-9a61-0b2f1c7d8e90' },
    { id: 'a' },
    { id: 'A_b-9' },
    { id: 'x'.repeat(64) },
    { id: 'x'.repeat(65) },
    { id: '-leading-dash' },
    { id: 'has space' },
    { id: 'line\nbreak' },
    { id: '' },
    { id: 42 },
    { id: ['a'] },
    {},
    { id: 'a', other: 'b' },
    { other: 'b' },
    Object.assign(Object.create({ inherited: 1 }) as object, { id: 'a' }),
    null,
    'a',
  ];

  it.each(values.map((value) => [JSON.stringify(value) ?? String(value), value]))(
    'answers %s as class-validator alone does',
    async (_label, value) => {
      expect(await outcome(createValidationPipe(), value)).toEqual(await outcome(fullRun(), value));
    },
  );

  it('accepts a valid id as a ChildIdParam holding it', async () => {
    const result = await createValidationPipe().transform({ id: 'child-1' }, asParam);
    expect(result).toBeInstanceOf(ChildIdParam);
    expect(result).toEqual({ id: 'child-1' });
  });

  it('refuses a bad id with the field and the rule', async () => {
    expect(await outcome(createValidationPipe(), { id: 'no good' })).toMatchObject({
      refused: { statusCode: 400, errors: [{ field: 'id', rule: 'matches' }] },
    });
  });
});

describe('a custom decorator’s value in the validation pipe', () => {
  class Shaped {
    name!: string;
  }
  const values: unknown[] = [{ id: 'u1', role: 'admin' }, 'W/"3"', undefined, null, 42, ['a']];
  const metatypes: (ArgumentMetadata['metatype'] | undefined)[] = [
    Object,
    String,
    Number,
    Boolean,
    Shaped,
    undefined,
  ];

  it.each(metatypes.map((metatype) => [metatype?.name ?? 'no type', metatype]))(
    'given a custom parameter typed %s, when any value passes, then it is the very value ValidationPipe gives back, without ValidationPipe’s own step',
    async (_name, metatype) => {
      const nestOwn = jest.spyOn(ValidationPipe.prototype, 'transform');
      try {
        for (const value of values) {
          const metadata: ArgumentMetadata = { type: 'custom', metatype, data: undefined };
          const expected: unknown = await fullRun().transform(value, metadata);
          nestOwn.mockClear();
          expect(await createValidationPipe().transform(value, metadata)).toBe(expected);
          expect(nestOwn).not.toHaveBeenCalled();
        }
      } finally {
        nestOwn.mockRestore();
      }
    },
  );

  it('given a custom parameter with data, when it passes, then it is still given back as it is', async () => {
    const value = { id: 'u1' };
    expect(
      await createValidationPipe().transform(value, { type: 'custom', metatype: Number, data: 'id' }),
    ).toBe(value);
  });
});
