import type { EventStore } from '@care-journey/event-store';
import { buildReturn } from './build-return';
import type { ChildRecord } from './child-record';
import { readChildren, type Export903Options } from './export903';
import { TABLE_NAMES, type Return903, type TableName } from './tables';
import type { ListRead } from '@care-journey/audit';

/** The 903 return for a year, with the records it was built from (to name its children in the trail). */
export interface Return903Read {
  tables: Return903;
  children: readonly ChildRecord[];
}

/**
 * The return as export903 builds it, in one pass over the log, keeping the children's records; with
 * `upTo`, from the events at or before that global position only.
 */
export async function return903WithChildren(
  store: EventStore,
  options: Export903Options & { upTo?: bigint },
): Promise<Return903Read> {
  const children = await readChildren(store, options.upTo);
  return { tables: buildReturn(children, options), children };
}

/**
 * The ids of the children in the given tables of the return (all of them by default). The tables
 * name children by 903 reference (CHILD) only, so every child under a reference sent is listed:
 * two children sharing one (which the self-check refuses) are both in the trail.
 */
export function childIdsInReturn(
  { tables, children }: Return903Read,
  tableNames: readonly TableName[] = TABLE_NAMES,
): string[] {
  const refs = new Set(tableNames.flatMap((name) => tables[name].map((row) => row.CHILD)));
  return children.filter((c) => refs.has(c.registration.childRef)).map((c) => c.childId);
}

/**
 * The trail's list read for a 903 return: it carries the UPNs, full dates of birth and postcodes of
 * the children in it (the DfE requires them), so it is a read of each, whoever asks (reporting
 * jobs included).
 */
export const return903ListRead = (
  route: string,
  query: ListRead['query'],
  childIds: readonly string[],
): ListRead => ({ view: 'export903', route, query, childIds });
