import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Rules = ReturnType<Lookup>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

const memoised = new WeakSet<Storage>();

/**
 * class-validator looks up a class's rules afresh on every validation: it walks every class that
 * has rules (`instanceof` per class) and filters them, ~10% of a command's validation. The rules
 * are fixed once the DTO modules have loaded, so the answer is kept per class and asked-for
 * options, and forgotten whenever a rule is added. Same arrays and order as the lookup returns;
 * the executor only reads them. The rules grouped by property are kept per such array likewise.
 */
export function memoiseValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (memoised.has(storage)) return;
  memoised.add(storage);
  let answers = new Map<unknown, Map<string, Rules>>();
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const groupedByRules = new WeakMap<Rules, Grouped>();
  storage.groupByPropertyName = (rules) => {
    let grouped = groupedByRules.get(rules);
    if (!grouped) groupedByRules.set(rules, (grouped = group(rules)));
    return grouped;
  };
  storage.addValidationMetadata = (metadata) => {
    answers = new Map();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // Groups are per call and rare here: those lookups are not kept.
    if (groups !== undefined && groups.length > 0)
      return lookup(target, schema, always, strictGroups, groups);
    const options = `${schema}\u0000${always}\u0000${strictGroups}`;
    let byOptions = answers.get(target);
    if (!byOptions) answers.set(target, (byOptions = new Map()));
    let answer = byOptions.get(options);
    if (!answer) byOptions.set(options, (answer = lookup(target, schema, always, strictGroups, groups)));
    return answer;
  };
}
