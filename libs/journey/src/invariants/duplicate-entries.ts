/**
 * An entry identical to one already recorded on the same day (same plan, a going-home audit
 * with the same findings and next action, or a statutory visit with the same answers) is a second click or a form sent again, not a second
 * event in the child's life: refused, pointing at correcting the first instead.
 */
import { violation } from '../errors';
import type { PermanenceRoute } from '../events';
import type { JourneyState } from '../state';

const same = (a: string, b: string): boolean => a.trim() === b.trim();

export function planNotAlreadyRecorded(state: JourneyState, route: PermanenceRoute, date: string): void {
  if (state.permanencePlans.some((plan) => plan.date === date && plan.route === route))
    violation(
      'entry-already-recorded',
      `A permanence plan of ${route.replace(/_/g, ' ')} is already recorded on ${date}; to change it, correct that entry.`,
      'effectiveDate',
    );
}

export function auditNotAlreadyRecorded(
  state: JourneyState,
  audit: { outcome: string; nextAction: string },
  date: string,
): void {
  const identical = state.goingHomeAudits.some(
    (a) => a.date === date && same(a.outcome, audit.outcome) && same(a.nextAction, audit.nextAction),
  );
  if (identical)
    violation(
      'entry-already-recorded',
      `An identical going-home audit is already recorded on ${date}; to change it, correct that entry.`,
      'effectiveDate',
    );
}

export function visitNotAlreadyRecorded(
  state: JourneyState,
  visit: { seenAlone: boolean; visitNote?: string },
  date: string,
): void {
  const identical = state.statutoryVisits.some(
    (v) =>
      v.date === date && v.seenAlone === visit.seenAlone && same(v.visitNote ?? '', visit.visitNote ?? ''),
  );
  if (identical)
    violation(
      'entry-already-recorded',
      `An identical statutory visit is already recorded on ${date}; to change it, correct that entry.`,
      'effectiveDate',
    );
}
