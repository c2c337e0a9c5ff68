import { getMetadataStorage, IsInt, IsString, MaxLength, validateSync } from 'class-validator';
import { memoiseValidationMetadata } from './validation-metadata-memo';

class Base {
  @IsString()
  name!: string;
}

class Derived extends Base {
  @MaxLength(3)
  code!: string;
}

const rulesOf = (target: object) =>
  getMetadataStorage()
    .getTargetValidationMetadatas(target as new () => object, '', false, false, undefined)
    .map(({ propertyName, name, type }) => ({ propertyName, name, type }));

describe('memoised class-validator rule lookups', () => {
  const before = { base: rulesOf(Base), derived: rulesOf(Derived) };
  memoiseValidationMetadata();
  memoiseValidationMetadata(); // a second call changes nothing

  it('answer as the lookup did, inherited rules included, and keep the answer', () => {
    expect(rulesOf(Base)).toEqual(before.base);
    expect(rulesOf(Derived)).toEqual(before.derived);
    expect(before.derived.map((rule) => rule.propertyName).sort()).toEqual(['code', 'name']);
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Derived, '', false, false, undefined);
    expect(storage.getTargetValidationMetadatas(Derived, '', false, false, undefined)).toBe(first);
  });

  it('see a rule added later, also on a subclass', () => {
    expect(validateSync(Object.assign(new Derived(), { name: 'n', code: 'abc', age: 'x' }))).toEqual([]);
    IsInt()(Base.prototype, 'age');
    const errors = validateSync(Object.assign(new Derived(), { name: 'n', code: 'abc', age: 'x' }));
    expect(errors.map((error) => [error.property, Object.keys(error.constraints ?? {})])).toEqual([
      ['age', ['isInt']],
    ]);
  });

  it('still validate with groups (not kept)', () => {
    class Grouped {
      @IsString({ groups: ['a'] })
      value!: unknown;
    }
    const propertiesRefused = (groups: string[]) =>
      validateSync(Object.assign(new Grouped(), { value: 1 }), { groups }).map((error) => error.property);
    expect(propertiesRefused(['a'])).toEqual(['value']);
    expect(propertiesRefused(['b'])).not.toContain('value');
  });
});
