import { DuplicateEventIds, WrongExpectedRevision } from '@care-journey/event-store';
import { RevisionConflict } from '../application-errors';

/**
 * An append the store refused because the stream moved on: another writer's append, or a keyed
 * twin whose events it already holds. Either way the decision was made on a state now old.
 */
export const isClash = (error: unknown): boolean =>
  error instanceof WrongExpectedRevision || error instanceof DuplicateEventIds;

/** A store-level revision clash becomes the API's conflict (409); anything else passes through. */
export function toConflict(childId: string, error: unknown): unknown {
  if (!(error instanceof WrongExpectedRevision)) return error;
  const expected = /^\d+$/.test(error.expected) ? BigInt(error.expected) : 'no_stream';
  return new RevisionConflict(childId, expected, error.actual);
}
