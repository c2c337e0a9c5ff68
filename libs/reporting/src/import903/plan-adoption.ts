/**
 * Adoption steps from PlacedAdoption and AD1: each decision (DATE_PLACED, or AD1 DATE_INT), its
 * match (AD1 DATE_MATCH) and its reversal (DATE_PLACED_CEASED). The 903 holds no consent date and
 * no match date until the adoption: those are inferred and reported as warnings.
 *
 * A step dated before the first imported episode (the child was already on an adoption path when
 * the earliest imported return begins) cannot stand where it happened: the journey's period of
 * care starts at that episode, and the domain records adoption steps only within a period of care
 * (rule adoption-step-outside-period-of-care, kept for every writer). It is recorded on the first
 * imported episode's start instead, and the report says so with the 903's own date (see
 * docs/reporting.md); a decision reversed before then is not recorded, and the report says that too.
 */
import { addDays, isAdoptionPlacement } from '@care-journey/journey';
import type { ChildFacts, DecisionFact, EpisodeFact } from './facts';
import { issueAt, type ImportIssue, type SourceRef } from './issues';
import { PHASE, type DraftCommand, type PlannedCommand } from './planned-command';

interface Decision {
  date: string;
  src: SourceRef;
  ceased?: string;
  reason?: DecisionFact['reason'];
}

export function planAdoption(
  facts: ChildFacts,
  childId: string,
  dob: string,
  issues: ImportIssue[],
): PlannedCommand[] {
  const out: PlannedCommand[] = [];
  const warn = (src: SourceRef, field: string, reason: string) =>
    issues.push(issueAt(src, facts.child, field, reason, 'warning'));
  // Where the imported history begins: the period of care is recorded from the first episode.
  const careStart = facts.episodes[0]?.decom;
  const beforeImport = (date: string): boolean => careStart !== undefined && date < careStart;
  /** `date`, or the first imported episode's start when it is earlier (reported as a warning). */
  const recordedOn = (date: string, src: SourceRef, column: string, step: string): string => {
    if (careStart === undefined || !beforeImport(date)) return date;
    warn(
      src,
      column,
      `${step} made on ${date}, before the first imported episode (${careStart}): recorded on ${careStart}, where the imported period of care starts (an adoption step must fall within a period of care); ${column} ${date} is kept in this report only`,
    );
    return careStart;
  };
  const decisions: Decision[] = facts.decisions.map((d) => ({
    date: d.date,
    src: d.src,
    ceased: d.ceased,
    reason: d.reason,
  }));
  for (const ad1 of facts.adoptions) {
    if (ad1.dateInt !== undefined && !decisions.some((d) => d.date === ad1.dateInt))
      decisions.push({ date: ad1.dateInt, src: ad1.src });
  }
  decisions.sort((a, b) => (a.date < b.date ? -1 : 1));

  decisions.forEach((d, i) => {
    const until = d.ceased ?? decisions[i + 1]?.date ?? '9999-12-31';
    const within = (e: EpisodeFact) => e.decom >= d.date && e.decom <= until;
    // Keyed by the 903's date, so a re-run gives the same event ids.
    const plan = (key: string, column: string, phase: number, draft: DraftCommand, src: SourceRef = d.src) =>
      out.push({ draft, key: `adoption/${d.date}/${key}`, src, column, phase });
    if (d.ceased !== undefined && beforeImport(d.ceased)) {
      warn(
        d.src,
        'DATE_PLACED',
        `adoption decision made on ${d.date} and reversed on ${d.ceased}${d.reason ? ` (${d.reason})` : ''}, both before the first imported episode (${careStart}): not recorded (the imported period of care starts after it)`,
      );
      return;
    }
    const date = recordedOn(d.date, d.src, 'DATE_PLACED', 'adoption decision');
    plan('decision', 'DATE_PLACED', PHASE.decision, {
      type: 'RecordAdoptionDecision',
      childId,
      effectiveDate: date,
    });

    const ad1 = facts.adoptions.find((a) => a.dateInt === d.date);
    const placed = facts.episodes.find((e) => within(e) && isAdoptionPlacement(e.place));
    let match: string | undefined = ad1?.dateMatch;
    if (match !== undefined && ad1) {
      match = recordedOn(match, ad1.src, 'DATE_MATCH', 'match with adopters');
      plan(
        'match',
        'DATE_MATCH',
        PHASE.match,
        { type: 'RecordMatch', childId, effectiveDate: match },
        ad1.src,
      );
    } else if (placed) {
      match = placed.decom;
      warn(
        placed.src,
        'DECOM',
        'the match date is not in the 903 before the adoption (AD1): recorded as the day of placement for adoption',
      );
      plan('match', 'DECOM', PHASE.match, { type: 'RecordMatch', childId, effectiveDate: match }, placed.src);
    }

    // Authority to place: a placement order shows as LS E1; otherwise it was parental consent.
    const order = facts.episodes.find(
      (e) => within(e) && e.ls === 'E1' && (match === undefined || e.decom <= match),
    );
    if (order !== undefined && order === facts.episodes[0])
      warn(
        order.src,
        'LS',
        `the placement order was granted before the first imported episode (LS E1 on ${order.decom}): it is authority to place from ${order.decom}, the start of the imported period of care (the order's own date is not in the 903)`,
      );
    const consentPlacement = placed && (placed.place === 'A3' || placed.place === 'A4');
    if (consentPlacement || (match !== undefined && !order)) {
      const earliest = addDays(dob, 42);
      const consent = date >= earliest ? date : earliest;
      warn(d.src, 'DATE_PLACED', `parental consent is not in the 903: recorded on ${consent}`);
      plan('consent', 'DATE_PLACED', PHASE.consent, {
        type: 'RecordAdoptionConsent',
        childId,
        effectiveDate: consent,
      });
    }
    if (d.ceased !== undefined && d.reason !== undefined) {
      plan('reversed', 'DATE_PLACED_CEASED', PHASE.reversal, {
        type: 'ReverseAdoptionDecision',
        childId,
        effectiveDate: d.ceased,
        reason: d.reason,
      });
    }
  });
  return out;
}
