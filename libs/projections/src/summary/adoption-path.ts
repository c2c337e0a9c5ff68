/**
 * The adoption path that is current, read from a (possibly trimmed) summary with the journey's rule
 * (adoptionPathIndex): after a reversal, a re-match or a disrupted placement, the measures and drift
 * rules use the steps of the path that led, or may still lead, to the order — never a reversed one.
 */
import { adoptionPathIndex, isAdoptionPlacement, type CalendarDate } from '@care-journey/journey';
import type { AdoptionSteps, AdoptivePlacementFact, DatedFact, PeriodOfCare } from './journey-summary';
import { runOn } from './queries';

export interface AdoptionPath {
  /** The decision that opened the path (absent for steps recorded with no decision before them). */
  decision?: DatedFact;
  /** The reversal that closed it, if any. */
  reversal?: DatedFact & { reason: string };
  /** Its match with adopters (AD1's DATE_MATCH when the path led to the order). */
  match?: DatedFact;
}

function pathAt(adoption: AdoptionSteps, index: number): AdoptionPath {
  const dates = adoption.decisions.map((decision) => decision.date);
  const path: AdoptionPath = {};
  if (index >= 0) path.decision = adoption.decisions[index];
  // The k-th reversal closes the k-th decision; with no decision recorded at all, the first one.
  const reversal = adoption.reversals[Math.max(index, 0)];
  if (reversal) path.reversal = reversal;
  const match = adoption.matches.find((fact) => adoptionPathIndex(dates, fact.date) === index);
  if (match) path.match = match;
  return path;
}

/** The path of the decision in force on `date` (the order's path for an adopted child). */
export const adoptionPathOn = (adoption: AdoptionSteps, date: CalendarDate): AdoptionPath =>
  pathAt(
    adoption,
    adoptionPathIndex(
      adoption.decisions.map((decision) => decision.date),
      date,
    ),
  );

/** The latest path: on a summary trimmed to D, the one in force on D. */
export const latestAdoptionPath = (adoption: AdoptionSteps): AdoptionPath =>
  pathAt(adoption, adoption.decisions.length - 1);

/**
 * The placement for adoption (A3–A6) the child is still in at the end of the summary, or was in when
 * care ended (the adoption order): the latest A3–A6 placement, unless the child has since moved to
 * another carer or stayed with the carer under another placement type (a disrupted placement). A
 * "placed for adoption" entry with U2/U5 (fostering for adoption, accepted before such entries were
 * refused) is a foster placement, not a move-in with adopters: the 903 has no A3–A6 episode for it.
 */
export function adoptivePlacement(period: PeriodOfCare): AdoptivePlacementFact | undefined {
  const placed = [...period.adoption.placements].reverse().find((p) => isAdoptionPlacement(p.placementType));
  if (!placed) return undefined;
  const run = runOn(period, placed.date);
  if (!run) return undefined;
  const movedOut = run.end !== undefined && run.end !== period.end;
  const typeChanged = run.types.some((t) => t.date >= placed.date && !isAdoptionPlacement(t.placementType));
  return movedOut || typeChanged ? undefined : placed;
}
