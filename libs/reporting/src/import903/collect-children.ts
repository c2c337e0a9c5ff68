/** Every row of every return, checked and grouped by child (returns oldest first). */
import type { TableName } from '../export903/tables';
import { emptyChildFacts, type ChildFacts } from './facts';
import { checkFile } from './file-checks';
import type { ImportIssue } from './issues';
import { readFact, type AnyFact } from './read-facts';
import type { ReturnFiles } from './read-returns';

import { FieldReader } from './field-reader';
import { OC2_ITEMS, OC3_ITEMS } from '../export903/tables';
import { allBlank } from './read-outcomes';

/** OC2/OC3 rows with every item blank: the child is in the cohort but nothing was recorded. */
const BLANK_ITEMS: Partial<Record<TableName, readonly string[]>> = { OC2: OC2_ITEMS, OC3: OC3_ITEMS };

function add(facts: ChildFacts, item: AnyFact): void {
  switch (item.table) {
    case 'Header':
      return void facts.headers.push(item.fact);
    case 'Episodes':
      return void facts.episodes.push(item.fact);
    case 'Reviews':
      return void facts.reviews.push(item.fact);
    case 'Missing':
      return void facts.missing.push(item.fact);
    case 'PlacedAdoption':
      return void facts.decisions.push(item.fact);
    case 'AD1':
      return void facts.adoptions.push(item.fact);
    case 'PrevPerm':
      return void facts.prevPerm.push(item.fact);
    case 'UASC':
      return void facts.uasc.push(item.fact);
    case 'OC2':
      return void facts.health.push(item.fact);
    case 'OC3':
      return void facts.contacts.push(item.fact);
  }
}

/** `onRow` is called per source row read (for progress). */
export function collectChildren(
  returns: readonly ReturnFiles[],
  issues: ImportIssue[],
  onRow: () => void = () => undefined,
): Map<string, ChildFacts> {
  const children = new Map<string, ChildFacts>();
  const of = (child: string) => {
    let facts = children.get(child);
    if (!facts) children.set(child, (facts = emptyChildFacts(child)));
    return facts;
  };
  for (const ret of returns) {
    for (const file of Object.values(ret.tables)) {
      const blankItems = BLANK_ITEMS[file.table];
      const facts: AnyFact[] = [];
      for (const row of file.rows) {
        if (blankItems && allBlank(new FieldReader(row, []), blankItems)) {
          const child = row.values.CHILD ?? '';
          if (child !== '') of(child).ignored++;
          onRow();
          continue;
        }
        const fact = readFact(file.table, row, ret.yearEnding, issues);
        if (fact) facts.push(fact);
        else if (row.values.CHILD) of(row.values.CHILD); // a child with only bad rows is still reported
        onRow();
      }
      issues.push(...checkFile(file.table, facts));
      for (const item of facts) add(of(item.fact.child), item);
    }
  }
  return children;
}
