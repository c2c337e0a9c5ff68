/** The agency decision that a child should be placed for adoption opens the route; a reversal closes it. */
import { violation } from '../errors';
import type { JourneyState } from '../state';

export function noOpenAdoptionDecision(state: JourneyState): void {
  if (state.adoption.decisionOpen) {
    violation(
      'adoption-decision-already-open',
      `An adoption decision is already open (made ${state.adoption.decisionDate}).`,
      'effectiveDate',
    );
  }
}

/** `rule` lets each step name what it was missing, e.g. 'match-needs-adoption-decision'. */
export function needsOpenAdoptionDecision(
  state: JourneyState,
  rule = 'no-open-adoption-decision',
  what = 'This',
): string {
  const { decisionOpen, decisionDate } = state.adoption;
  if (!decisionOpen || decisionDate === undefined) {
    return violation(
      rule,
      `${what} needs an open decision that the child should be placed for adoption.`,
      'effectiveDate',
    );
  }
  return decisionDate;
}

/** Steps follow one another: a step cannot be dated before the step it rests on. */
export function notBeforeStep(date: string, stepDate: string | undefined, stepName: string): void {
  if (stepDate !== undefined && date < stepDate) {
    violation(
      'adoption-step-before-previous-step',
      `effectiveDate ${date} is before the ${stepName} (${stepDate}).`,
      'effectiveDate',
    );
  }
}
