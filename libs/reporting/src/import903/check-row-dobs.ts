/**
 * The child tables repeat the child's DOB (Reviews, Missing, UASC, AD1, PlacedAdoption, PrevPerm,
 * OC2, OC3). A DOB that is not the Header's is the usual sign of a row filed under the wrong CHILD,
 * so it is an error on that row and the child is not imported. Checked on every row as read, before
 * the years are merged (a merge keeps one row of a repeated fact). The dates themselves stay out of
 * the report: it names where to look, not the child's date of birth.
 */
import type { ChildFacts } from './facts';
import { issueAt, where, type ImportIssue } from './issues';

export const DOB_RULE = 'dob-matches-header';

export function checkRowDobs(facts: ChildFacts, issues: ImportIssue[]): void {
  const header = facts.headers[0];
  if (!header) return;
  const rows = [
    ...facts.reviews,
    ...facts.missing,
    ...facts.uasc,
    ...facts.adoptions,
    ...facts.decisions,
    ...facts.prevPerm,
    ...facts.health,
    ...facts.contacts,
  ];
  for (const row of rows) {
    if (row.rowDob === undefined || row.rowDob === header.dob) continue;
    issues.push(
      issueAt(
        row.src,
        facts.child,
        'DOB',
        `differs from the child's Header DOB (${where(header.src)}): rule ${DOB_RULE}, a row's DOB must be its child's (is the row under the wrong CHILD?)`,
      ),
    );
  }
}
