/**
 * One real UPN, one child (903 rule 444), checked for a whole import before anything is written, as
 * the API checks a registration (libs/registrations, upn-registry.ts): a child whose UPN another child of these
 * returns also gives, or another child in the store holds (registered through the API, seeded, or
 * imported under another CHILD earlier), is refused with the Header row that gives it. The
 * unknown-UPN codes UN1–UN5 may repeat. The store is asked once for all the children (a batch
 * read of its registrations and reservations), not once per row.
 */
import { isUnknownUpn, normaliseUpn, type UpnRegistry } from '@care-journey/registrations';
import type { ChildFacts, HeaderFact } from './facts';
import { issueAt, where, type ImportIssue } from './issues';
import { latestHeader } from './merge-years';
import { importedChildId } from './run-child';

const RULE =
  'rule upn-in-use: a UPN belongs to one child (903 validation rule 444, compared ignoring case; the ' +
  'unknown-UPN codes UN1–UN5 may repeat)';

/** The UPN a child is registered with, and the Header row that gives it. */
interface UpnClaimRow {
  child: string;
  header: HeaderFact;
}

/** The import's UPN checks: whom to refuse, and whose UPN to reserve. */
export interface UpnVerdicts {
  /** For each child refused for its UPN, the issue naming its Header row. */
  refused: Map<string, ImportIssue>;
  /**
   * The children (CHILD) going on whose UPN is reserved before their registration is written: a real
   * UPN, and not registered yet (a child imported earlier has its registration's UPN already, and a
   * reservation for a later year's other UPN would hold it for a registration never written).
   */
  toReserve: Set<string>;
}

export async function checkUpns(
  children: ReadonlyMap<string, ChildFacts>,
  registry: UpnRegistry,
): Promise<UpnVerdicts> {
  const refused = new Map<string, ImportIssue>();
  const byUpn = new Map<string, UpnClaimRow[]>();
  for (const [child, facts] of children) {
    const header = latestHeader(facts.headers);
    if (!header || isUnknownUpn(header.upn)) continue;
    const key = normaliseUpn(header.upn);
    byUpn.set(key, [...(byUpn.get(key) ?? []), { child, header }]);
  }
  const single: UpnClaimRow[] = [];
  for (const rows of byUpn.values()) {
    if (rows.length === 1) single.push(rows[0]);
    else for (const row of rows) refused.set(row.child, givenTwice(row, rows));
  }
  const claims = single.map((row) => ({ upn: row.header.upn, childId: importedChildId(row.child), row }));
  const { taken, registered } = await registry.check(claims);
  const toReserve = new Set(claims.map(({ row }) => row.child));
  for (const { row } of registered) toReserve.delete(row.child);
  for (const { row } of taken) {
    toReserve.delete(row.child);
    refused.set(
      row.child,
      issueAt(
        row.header.src,
        row.child,
        'UPN',
        `not imported: UPN ${row.header.upn} is already held by another child in this store (${RULE})`,
      ),
    );
  }
  return { refused, toReserve };
}

/** Every child giving one UPN is refused: the returns do not say which of them it belongs to. */
function givenTwice(row: UpnClaimRow, rows: readonly UpnClaimRow[]): ImportIssue {
  const others = rows
    .filter((other) => other !== row)
    .map((other) => `CHILD ${other.child} (${where(other.header.src)})`)
    .join(', ');
  return issueAt(
    row.header.src,
    row.child,
    'UPN',
    `not imported: UPN ${row.header.upn} is also given to ${others} in these returns, so none of them is imported (${RULE})`,
  );
}

/** The issue of a child whose UPN another registration reserved after the check, before its own reservation. */
export const upnTakenMeanwhile = (child: string, header: HeaderFact): ImportIssue =>
  issueAt(
    header.src,
    child,
    'UPN',
    `not imported: UPN ${header.upn} was reserved for another child while this import ran (${RULE})`,
  );
