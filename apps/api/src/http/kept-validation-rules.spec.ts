import { IsInt, IsString, MetadataStorage, Min, ValidateNested, validateSync } from 'class-validator';
import { keepValidationRuleLookups } from './kept-validation-rules';

describe('kept validation rule lookups', () => {
  class Base {
    @IsString() name!: string;
  }
  class Child extends Base {
    @IsInt() @Min(0) age!: number;
  }

  // A storage of its own, filled from the global one, so these specs patch only it (the last one keeps
  // the process's own, which is this spec file's alone: Jest gives each file its own globals).
  const aStorage = (): MetadataStorage => {
    const storage = new MetadataStorage();
    const global = (globalThis as { classValidatorMetadataStorage?: MetadataStorage })
      .classValidatorMetadataStorage!;
    for (const target of [Base, Child])
      for (const rule of global.getTargetValidationMetadatas(target, '', false, false))
        if (rule.target === target) storage.addValidationMetadata(rule);
    return storage;
  };

  it('given kept lookups, when a class is looked up twice, then the walk over every class runs once and both answers equal the unkept one', () => {
    const storage = aStorage();
    const unkept = storage.getTargetValidationMetadatas(Child, '', false, false);
    const walk = jest.spyOn(storage, 'getTargetValidationMetadatas');
    keepValidationRuleLookups(storage);
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    const second = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(walk).toHaveBeenCalledTimes(1);
    expect(first).toEqual(unkept);
    expect(second).toBe(first);
    expect(first.map((rule) => rule.propertyName).sort()).toEqual(['age', 'age', 'name']);
  });

  it('given kept lookups, when different options are asked, then each is its own answer', () => {
    const storage = aStorage();
    keepValidationRuleLookups(storage);
    const plain = storage.getTargetValidationMetadatas(Child, '', false, false);
    const grouped = storage.getTargetValidationMetadatas(Child, '', false, false, ['other']);
    expect(plain.length).toBe(3);
    expect(grouped).toEqual([]);
  });

  it('given a kept answer, when a rule is added afterwards, then the next lookup includes it', () => {
    const storage = aStorage();
    keepValidationRuleLookups(storage);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false).length).toBe(3);
    const added = aStorage().getTargetValidationMetadatas(Base, '', false, false)[0];
    storage.addValidationMetadata(
      Object.assign(Object.create(Object.getPrototypeOf(added)), added, {
        target: Child,
        propertyName: 'nickname',
      }),
    );
    expect(
      storage.getTargetValidationMetadatas(Child, '', false, false).map((rule) => rule.propertyName),
    ).toContain('nickname');
  });

  it('given lookups kept twice over, when asked, then the answer is the same (installing again changes nothing)', () => {
    const storage = aStorage();
    keepValidationRuleLookups(storage);
    const once = storage.getTargetValidationMetadatas;
    keepValidationRuleLookups(storage);
    expect(storage.getTargetValidationMetadatas).toBe(once);
  });

  it('given the process storage kept, when a nested DTO is validated, then the errors are the same as before', () => {
    class Inner {
      @IsInt() n!: number;
    }
    class Outer {
      @ValidateNested() inner!: Inner;
    }
    const bad = Object.assign(new Outer(), { inner: Object.assign(new Inner(), { n: 'x' }) });
    const before = validateSync(bad);
    keepValidationRuleLookups();
    expect(validateSync(bad)).toEqual(before);
    expect(validateSync(bad)[0].children?.[0].constraints).toHaveProperty('isInt');
  });
});
