/** All of a child's facts → the commands of their journey, in the order they must be decided. */
import type { ChildFacts, PrevPermFact } from './facts';
import { issueAt, type ImportIssue } from './issues';
import { planAdoption } from './plan-adoption';
import { planEpisodes } from './plan-episodes';
import { planOutcomes } from './plan-outcomes';
import { PHASE, byDateThenPhase, type PlannedCommand } from './planned-command';

/** Fields the 903 does not hold but the journey needs: fixed, and stated in docs/reporting.md. */
export const IMPORTED_TEAM = 'Imported from 903';
export const IMPORTED_SOCIAL_WORKER = 'unallocated';

export function planJourney(
  facts: ChildFacts,
  childId: string,
  firstYearStart: string,
  issues: ImportIssue[],
): PlannedCommand[] {
  const header = facts.headers[0];
  const first = facts.episodes[0];
  const anyRow = first?.src ?? header?.src ?? facts.reviews[0]?.src ?? facts.missing[0]?.src;
  if (header && !first && facts.contacts.length > 0) {
    // A care leaver whose care is in no imported return: the contact needs that care to stand on.
    for (const c of facts.contacts)
      issues.push(
        issueAt(
          c.src,
          facts.child,
          'IN_TOUCH',
          'care leaver not looked after in any imported year: OC3 not imported (import the returns that hold their care)',
          'warning',
        ),
      );
    return [];
  }
  if (!header || !first) {
    if (anyRow)
      issues.push(
        issueAt(
          anyRow,
          facts.child,
          header ? 'DECOM' : 'CHILD',
          header ? 'the child has no Episodes rows' : 'the child has no Header row',
        ),
      );
    return [];
  }
  const usedPrevPerm = new Set<PrevPermFact>();
  const homePostcode = [...facts.episodes].reverse().find((e) => e.homePostcode !== undefined)?.homePostcode;
  const registration: PlannedCommand = {
    key: 'registered',
    src: header.src,
    column: 'CHILD',
    phase: PHASE.register,
    draft: {
      type: 'RegisterChild',
      childId,
      effectiveDate: first.decom,
      childRef: facts.child,
      // The 903 holds no name: the child reference stands in for it.
      name: facts.child,
      dateOfBirth: header.dob,
      sex: header.sex,
      ethnicity: header.ethnicity,
      upn: header.upn,
      ...(homePostcode !== undefined && { homePostcode }),
      uasc: facts.uasc.length > 0,
      relinquishedAtBirth: false,
      team: IMPORTED_TEAM,
      socialWorker: IMPORTED_SOCIAL_WORKER,
    },
  };
  const planned: PlannedCommand[] = [
    ...planEpisodes(facts, { childId, firstYearStart, issues, usedPrevPerm }),
    ...planAdoption(facts, childId, header.dob, issues),
    ...planOutcomes(facts, childId, header.dob, issues),
  ];
  for (const r of facts.reviews) {
    planned.push({
      key: `review/${r.date}`,
      src: r.src,
      column: 'REVIEW',
      phase: PHASE.review,
      draft: { type: 'RecordReview', childId, effectiveDate: r.date, participation: r.participation },
    });
  }
  for (const m of facts.missing) {
    planned.push({
      key: `missing/${m.start}/start`,
      src: m.src,
      column: 'MIS_START',
      phase: PHASE.missing,
      draft: { type: 'StartMissingEpisode', childId, effectiveDate: m.start, kind: m.kind },
    });
    if (m.end !== undefined)
      planned.push({
        key: `missing/${m.start}/end`,
        src: m.src,
        column: 'MIS_END',
        phase: PHASE.missing,
        draft: { type: 'EndMissingEpisode', childId, effectiveDate: m.end },
      });
  }
  for (const p of facts.prevPerm) {
    if (!usedPrevPerm.has(p))
      issues.push(
        issueAt(
          p.src,
          facts.child,
          'PREV_PERM',
          "no period of care starts in this return's year for this row to belong to",
        ),
      );
  }
  // Array.prototype.sort is stable: same day and phase keep their planned order.
  return [registration, ...planned.sort(byDateThenPhase)];
}
