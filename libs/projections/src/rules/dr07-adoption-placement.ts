/**
 * DR07 (scorecard A1/A10): with a plan or decision for adoption, the child should move in with
 * the adoptive family within 426 days of entering care (a local 365 can be configured). When the
 * foster carer adopts, the step is the start of the placement with that carer. The move-in that
 * counts is the placement for adoption the child is still in (summary/adoption-path.ts), as A1's is:
 * a disrupted placement no longer closes the flag. The route stops applying when the decision is
 * reversed or another route is planned, and applies again from a later decision or adoption plan.
 * A move-in during the route that later disrupted was the step when it was taken: it keeps closing
 * the flag it closed (the history keeps a late one's breach as it was), and the disruption starts a
 * new obligation (key `<period start>/<disruption date>`, the same due date), closed by the next
 * move-in: the flag opens again on the disruption day if the due date has passed.
 */
import { isAdoptionPlacement } from '@care-journey/journey';
import { addDaysKept } from '../calendar/date-memo';
import { adoptivePlacement } from '../summary/adoption-path';
import type { DatedFact, PeriodOfCare } from '../summary/journey-summary';
import { runOn } from '../summary/queries';
import { carePeriods, closedBy, ids } from './care-periods';
import { NO_EVIDENCE, type DriftRule, type Obligation } from './drift-rule';

/** The date that counts as moving in: the adoptive placement, or the adopting carer's placement start. */
export function adoptiveMoveIn(period: PeriodOfCare): DatedFact | undefined {
  const placed = adoptivePlacement(period);
  if (!placed) return undefined;
  if (!placed.sameCarer) return placed;
  const run = runOn(period, placed.date);
  return run ? { date: run.start, eventId: run.startEventId } : placed;
}

/** A move-in with adopters during the route that later disrupted: the move out (or type change). */
interface DisruptedMoveIn {
  moveIn: DatedFact;
  out: DatedFact;
}

/**
 * The placements for adoption (A3–A6) made from the spell's start that disrupted before any stop of
 * the spell, oldest first: the child moved to another carer (before care ended) or stayed with the
 * carer under a type that is not A3–A6. The move-in is the adoptive placement, or for the foster
 * carer who adopts the start of the placement with that carer (as adoptiveMoveIn).
 */
function disruptedMoveIns(period: PeriodOfCare, spell: RouteSpell): DisruptedMoveIn[] {
  const found: DisruptedMoveIn[] = [];
  for (const placed of period.adoption.placements) {
    if (!isAdoptionPlacement(placed.placementType) || placed.date < spell.start.date) continue;
    const index = period.placements.findIndex(
      (run) => run.start <= placed.date && (run.end === undefined || run.end > placed.date),
    );
    const run = period.placements[index];
    if (run === undefined) continue;
    const changed = run.types.find((t) => t.date >= placed.date && !isAdoptionPlacement(t.placementType));
    const next = period.placements[index + 1];
    const out: DatedFact | undefined = changed
      ? changed
      : run.end !== undefined && run.end !== period.end && next !== undefined
        ? { date: next.start, eventId: next.startEventId }
        : undefined;
    if (out === undefined || (spell.stop !== undefined && spell.stop.date < out.date)) continue;
    const moveIn = placed.sameCarer ? { date: run.start, eventId: run.startEventId } : placed;
    // One carer's run disrupts once: a second A3–A6 entry with the same carer is the same move-in.
    if (found.at(-1)?.out.date !== out.date) found.push({ moveIn, out });
  }
  return found;
}

interface RouteSpell {
  start: DatedFact;
  stop?: DatedFact;
}

interface RouteMark extends DatedFact {
  starts: boolean;
  /** Decisions and reversals alternate: the n-th reversal stops the n-th decision's spell. */
  order: number;
}

/**
 * The latest spell of the adoption route: opened by an adoption plan or decision, stopped by a
 * reversal or a plan for another route. On one date, a reversal stops its own decision: the spell the
 * same-day decision opened when it is the decision it reverses, otherwise the one before it.
 */
function currentSpell(period: PeriodOfCare): RouteSpell | undefined {
  const { decisions, reversals } = period.adoption;
  // No decision and no adoption plan (most children): nothing opens a spell, no marks to sort.
  if (decisions.length === 0 && !period.plans.some((plan) => plan.route === 'adoption')) return undefined;
  const marks: RouteMark[] = [
    ...period.plans.map((plan) => ({ ...plan, starts: plan.route === 'adoption', order: 0 })),
    ...decisions.map((decision, n) => ({ ...decision, starts: true, order: 2 * n })),
    ...reversals.map((reversal, n) => ({ ...reversal, starts: false, order: 2 * n + 1 })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  let spell: RouteSpell | undefined;
  for (const mark of marks) {
    if (mark.starts) {
      if (!spell || spell.stop) spell = { start: mark };
    } else if (spell && !spell.stop) {
      spell.stop = mark;
    }
  }
  return spell;
}

export const DR07: DriftRule = {
  id: 'DR07',
  title: 'Adoption placement delay',
  describe: (c) =>
    `Plan or decision for adoption, and no move-in with the adoptive family within ${c.DR07.days} days of entering care`,
  reads: ['period', 'plans', 'adoption', 'placements'],
  thresholds: (c) => ({ days: c.DR07.days }),
  obligations: (summary, _asAt, config, evidence = true) =>
    carePeriods(summary).flatMap((period): Obligation[] => {
      // The summary is trimmed to D: the latest spell is the route as it stands on D.
      const spell = currentSpell(period);
      if (!spell) return [];
      const dueDate = addDaysKept(period.start, config.DR07.days);
      const evidenceIds = evidence ? ids(period.startEventId, spell.start.eventId) : NO_EVIDENCE;
      const moveIn = adoptiveMoveIn(period);
      const stop: DatedFact | undefined = spell.stop;
      const close =
        stop && (!moveIn || stop.date < moveIn.date)
          ? { lapsedOn: stop.date, closingEventId: stop.eventId }
          : closedBy(moveIn, period);
      const disrupted = period.adoption.placements.length === 0 ? [] : disruptedMoveIns(period, spell);
      if (disrupted.length === 0)
        return [{ key: period.start, from: spell.start.date, dueDate, ...close, evidence: evidenceIds }];
      // Each disrupted move-in closes its own obligation; the last disruption's is closed as before.
      return [
        {
          key: period.start,
          from: spell.start.date,
          dueDate,
          ...closedBy(disrupted[0].moveIn, period),
          evidence: evidenceIds,
        },
        ...disrupted.map(({ out }, i): Obligation => ({
          key: `${period.start}/${out.date}`,
          from: out.date,
          dueDate,
          ...(i + 1 < disrupted.length ? closedBy(disrupted[i + 1].moveIn, period) : close),
          evidence: evidence ? ids(period.startEventId, spell.start.eventId, out.eventId) : NO_EVIDENCE,
        })),
      ];
    }),
};
