import type { CaseHistoryReadData, ReadModelsPosition } from './case-history-read';

/**
 * Most child ids one trail entry holds. A page of search results or of the drift report shows at
 * most 1,000 children (MAX_PAGE_SIZE) and the demo authority's whole drift CSV about 2,000; a
 * longer list (a CSV of a much larger authority) is split over several entries, each marked
 * `part` "i/n", so no id is dropped and no entry grows past ~330 KB (64-character ids), well
 * under EventStoreDB's 1 MiB append. Entries waiting together share an append only while it stays
 * under appendChained's MAX_BATCH_BYTES (half that limit), so a few such entries never push one over.
 */
export const MAX_CHILD_IDS_PER_ENTRY = 5_000;

/**
 * A list of children by name that a request showed, a page of the event log (`log`: the children
 * whose events it held) or of the projection change feed (`feed`: the children whose changes it
 * held): which list, how it was asked for, and whom it named.
 */
export interface ListRead {
  view: 'search' | 'drift' | 'measures' | 'export' | 'export903' | 'careLeavers' | 'log' | 'feed';
  /** The route that answered (e.g. `/children`, `/panel/drift.csv`). */
  route: string;
  /** The request's parameters as answered (undefined and empty values are left out). */
  query: Record<string, string | number | boolean | readonly string[] | undefined>;
  /** The children shown by name, in the order shown. */
  childIds: readonly string[];
  /** A list built from the read models (the live drift report): how far they had got. */
  readModels?: ReadModelsPosition;
}

/** Parameters as the trail keeps them: text, lists comma-joined, nothing empty. */
function asTrailQuery(query: ListRead['query']): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : String(value as string | number | boolean);
    if (text !== '') kept[key] = text;
  }
  return kept;
}

/**
 * The trail entries for one list read: one entry (childId `*`, the ids in `childIds`), or one per
 * MAX_CHILD_IDS_PER_ENTRY ids for a longer list.
 */
export function listReadEntries(
  read: ListRead,
  maxIds = MAX_CHILD_IDS_PER_ENTRY,
): Omit<CaseHistoryReadData, 'role'>[] {
  const query = { route: read.route, ...asTrailQuery(read.query) };
  const parts = Math.max(1, Math.ceil(read.childIds.length / maxIds));
  return Array.from({ length: parts }, (_, i) => ({
    childId: '*',
    view: read.view,
    query: parts === 1 ? query : { ...query, part: `${i + 1}/${parts}` },
    childIds: read.childIds.slice(i * maxIds, (i + 1) * maxIds),
    ...(read.readModels && { readModels: read.readModels }),
  }));
}

/** The ids of every child in the lists, once each, in the order first shown. */
export function idsShown(lists: readonly (readonly { childId: string }[])[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const row of list) seen.add(row.childId);
  return [...seen];
}
