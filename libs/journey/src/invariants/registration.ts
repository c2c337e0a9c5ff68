/** A journey starts with the child's registration, once, and every entry is about that child. */
import { violation } from '../errors';
import type { JourneyState } from '../state';

export function mustBeRegistered(state: JourneyState): void {
  if (!state.registered)
    violation('child-not-registered', 'The child must be registered before anything else is recorded.');
}

export function mustNotBeRegistered(state: JourneyState): void {
  if (state.registered)
    violation('child-already-registered', `Child ${state.childId} is already registered.`, 'childId');
}

export function mustBeSameChild(state: JourneyState, childId: unknown): void {
  if (childId !== state.childId) {
    violation(
      'child-id-mismatch',
      `childId ${JSON.stringify(childId)} does not match this journey's child ${state.childId}.`,
      'childId',
    );
  }
}
