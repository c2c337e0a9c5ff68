import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Rules = ReturnType<Lookup>;

const KEPT = Symbol('care-journey.keptValidationRules');

/**
 * class-validator looks up a class's rules afresh on every validation, and the lookup tests the class
 * against every decorated class in the process with `instanceof` — about 3% of the API's main thread
 * at 8 clients (bench finding 37). A class's rules are fixed once its declaration has run, so each
 * answer is kept per question and all are forgotten whenever any rule is added. Installing it twice
 * changes nothing. The validator reads the answer (filters, groups it); nothing writes to it.
 */
export function keepValidationRuleLookups(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [KEPT]?: true };
  if (marked[KEPT]) return;
  marked[KEPT] = true;
  const kept = new Map<Parameters<Lookup>[0], Map<string, Rules>>();
  const lookUp: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const question = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? '-'}`;
    let answers = kept.get(target);
    if (answers === undefined) kept.set(target, (answers = new Map()));
    let rules = answers.get(question);
    if (rules === undefined)
      answers.set(question, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
  const forgetting =
    <A extends unknown[]>(add: (...args: A) => void) =>
    (...args: A): void => {
      kept.clear();
      add(...args);
    };
  storage.addValidationMetadata = forgetting(storage.addValidationMetadata.bind(storage));
  storage.addConstraintMetadata = forgetting(storage.addConstraintMetadata.bind(storage));
}
