import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  getMetadataStorage,
  registerDecorator,
} from 'class-validator';
import { keepValidationRuleLookups } from './kept-validation-rules';
import { ruleShortcutOf } from './rule-shortcut';

keepValidationRuleLookups();

class Flat {
  @IsIn(['a', 'b']) code!: string;
  @IsOptional() @IsString() @MaxLength(5) note?: string;
}

describe('a shortcut from a class’s own rules', () => {
  it('given a flat class, when a valid body comes, then it is an instance of the class with the keys in the order sent', () => {
    const accepted = ruleShortcutOf(Flat)?.({ note: 'hi', code: 'a' });
    expect(accepted).toBeInstanceOf(Flat);
    expect(Object.keys(accepted!)).toEqual(['code', 'note']); // the class's fields first, as class-transformer's `new Flat()`
    expect(accepted).toEqual({ code: 'a', note: 'hi' });
  });

  it('given a flat class, when a rule is broken, a field is unknown or a value is not flat, then it is left to the full run', () => {
    const accept = ruleShortcutOf(Flat)!;
    expect(accept({ code: 'c' })).toBeUndefined();
    expect(accept({ code: 'a', note: 'too long' })).toBeUndefined();
    expect(accept({ code: 'a', colour: 'blue' })).toBeUndefined();
    expect(accept({ code: 'a', note: null })).toBeUndefined();
    expect(accept({ code: ['a'] })).toBeUndefined();
    expect(accept(Object.assign(Object.create(null) as object, { code: 'a' }))).toBeUndefined();
    expect(accept({})).toBeUndefined(); // code's IsIn fails on undefined
  });

  it('given an optional field left out, when the rest is valid, then its rules are skipped as IsOptional says', () => {
    expect(ruleShortcutOf(Flat)?.({ code: 'b' })).toEqual({ code: 'b', note: undefined });
  });

  it('given ValidateIf, when its condition says no, then the rule is skipped', () => {
    class Conditional {
      @IsIn(['x', 'y']) kind!: string;
      @ValidateIf((o: Conditional) => o.kind === 'y') @IsString() detail?: unknown;
    }
    const accept = ruleShortcutOf(Conditional)!;
    expect(accept({ kind: 'x', detail: 5 })).toEqual({ kind: 'x', detail: 5 });
    expect(accept({ kind: 'y', detail: 5 })).toBeUndefined();
  });

  it('given a field the class sets without a rule, when a body comes, then the whitelist’s refusal is left to the full run', () => {
    class Undeclared {
      @IsString() name!: string;
      extra = 'set by the class';
    }
    expect(ruleShortcutOf(Undeclared)?.({ name: 'n' })).toBeUndefined();
  });

  it('given a nested rule, a class-transformer decorator or an async rule, then the class has no shortcut', () => {
    class Inner {
      @IsString() name!: string;
    }
    class Nested {
      @ValidateNested() @Type(() => Inner) inner!: Inner;
    }
    class Transformed {
      @Transform(({ value }: { value: string }) => value.trim()) @IsString() name!: string;
    }
    class Async {
      name!: string;
    }
    registerDecorator({
      name: 'later',
      async: true,
      target: Async,
      propertyName: 'name',
      validator: { validate: async () => true },
    });
    expect(ruleShortcutOf(Nested)).toBeUndefined();
    expect(ruleShortcutOf(Transformed)).toBeUndefined();
    expect(ruleShortcutOf(Async)).toBeUndefined();
  });

  it('given a validator that answers with a promise, when a body comes, then it is left to the full run', () => {
    class Promised {
      @ValidateBy({
        name: 'promised',
        validator: { validate: () => Promise.resolve(true) as unknown as boolean },
      })
      name!: string;
    }
    expect(ruleShortcutOf(Promised)?.({ name: 'n' })).toBeUndefined();
  });

  it('given a kept shortcut, when a rule is added to the class afterwards, then the next body is checked by it too', () => {
    class Growing {
      @IsString() name!: string;
    }
    expect(ruleShortcutOf(Growing)?.({ name: 'long name' })).toBeDefined();
    MaxLength(4)(Growing.prototype, 'name');
    expect(getMetadataStorage().getTargetValidationMetadatas(Growing, '', false, false)).toHaveLength(2);
    expect(ruleShortcutOf(Growing)?.({ name: 'long name' })).toBeUndefined();
    expect(ruleShortcutOf(Growing)?.({ name: 'ok' })).toBeDefined();
  });
});
