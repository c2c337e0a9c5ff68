/**
 * Given/When/Then for the journey decider, as one-liners in specs:
 *   given(events).when(command).then(expectedEvents)
 *   given(events).when(command).thenThrows('placement-outside-period-of-care', 'effectiveDate')
 * It throws plain Errors (no test-framework import) so it type-checks in the production build too.
 */
import type { JourneyCommand } from '../commands';
import { journeyDecider } from '../decider';
import { DomainRuleViolation } from '../errors';
import type { JourneyEvent, StoredJourneyEvent } from '../events';
import type { JourneyState } from '../state';
import { deepEqual, show } from './deep-equal';

type GivenEvent = JourneyEvent | StoredJourneyEvent;

/** Gives plain events the ids e1, e2, … (or keeps the id given) and recording details. */
export function stored(events: readonly GivenEvent[]): StoredJourneyEvent[] {
  return events.map((event, i) =>
    'id' in event
      ? event
      : ({
          ...event,
          id: `e${i + 1}`,
          recordedAt: `${event.data.effectiveDate}T12:00:00Z`,
          recordedBy: 'sw-test',
        } as StoredJourneyEvent),
  );
}

export const stateOf = (events: readonly GivenEvent[]): JourneyState =>
  stored(events).reduce(journeyDecider.evolve, journeyDecider.initialState);

export interface Outcome {
  then(expected: JourneyEvent[]): void;
  /** Returns nothing so `it('…', () => given(…).when(…).thenThrows(…))` stays a one-liner. */
  thenThrows(rule: string, field?: string): void;
  /** The events decided (for assertions the one-liners do not cover). */
  events(): JourneyEvent[];
}

export function given(events: readonly GivenEvent[] = []) {
  const state = stateOf(events);
  return {
    state,
    when(command: JourneyCommand): Outcome {
      const run = () => journeyDecider.decide(command, state);
      return {
        events: run,
        then(expected) {
          const actual = run();
          if (!deepEqual(actual, expected))
            throw new Error(`${command.type}: expected events\n${show(expected)}\nbut got\n${show(actual)}`);
        },
        thenThrows(rule, field) {
          let actual: unknown;
          try {
            actual = run();
          } catch (error) {
            if (!(error instanceof DomainRuleViolation)) throw error;
            if (error.rule !== rule || (field !== undefined && error.field !== field)) {
              throw new Error(
                `${command.type}: expected rule ${rule}${field ? ` on ${field}` : ''}, got ${error.rule} on ${error.field}: ${error.message}`,
              );
            }
            if (!error.message) throw new Error(`${command.type}: rule ${rule} has no message`);
            return;
          }
          throw new Error(
            `${command.type}: expected rule ${rule} to be broken, but it decided\n${show(actual)}`,
          );
        },
      };
    },
  };
}
