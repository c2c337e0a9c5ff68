/** A journey starts with the child's registration, once, and every entry is about that child. */
import { violation } from '../errors';
import type { JourneyState } from '../state';
import { registrationRetraction } from './registration-retraction';

export function mustBeRegistered(state: JourneyState): void {
  if (state.registered) return;
  notRetracted(state);
  violation('child-not-registered', 'The child must be registered before anything else is recorded.');
}

export function mustNotBeRegistered(state: JourneyState): void {
  if (state.registered)
    violation('child-already-registered', `Child ${state.childId} is already registered.`, 'childId');
  notRetracted(state);
}

/**
 * A journey whose registration was withdrawn as made in error stays closed: its id is never
 * registered again (its history would then mix two children) and nothing more is recorded on it.
 * Only read when the journey holds no registration (a new child's stream is empty).
 */
function notRetracted(state: JourneyState): void {
  const retraction = registrationRetraction(state);
  if (retraction)
    violation(
      'registration-retracted',
      `This registration was withdrawn as made in error (recorded ${retraction.recordedAt.slice(0, 10)}): ` +
        'nothing more can be recorded for it. Register the child under a new id if it is a child of ours.',
      'childId',
    );
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
