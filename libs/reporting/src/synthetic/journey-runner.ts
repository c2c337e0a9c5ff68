/**
 * Runs a child's commands through the real domain decider, giving each event a deterministic id
 * and the store metadata the API gives it. A command the domain rejects throws with the child, the
 * command and the broken rule: for generated data that is a generator bug, never something to skip.
 */
import {
  journeyDecider,
  type JourneyCommand,
  type JourneyState,
  type StoredJourneyEvent,
  journeyEnvelope,
} from '@care-journey/journey';
import type { NewEvent } from '@care-journey/event-store';

export interface RunResult {
  state: JourneyState;
  /** The events as stored (`NewEvent` envelopes) in append order. */
  envelopes: NewEvent[];
}

export class RejectedCommand extends Error {
  override readonly name = 'RejectedCommand';
  constructor(
    readonly childId: string,
    readonly command: JourneyCommand,
    readonly violation: unknown,
  ) {
    super(
      `child ${childId}: ${command.type} ${JSON.stringify(command)} rejected: ${violation instanceof Error ? violation.message : String(violation)}`,
    );
  }
}

/** `eventId(n)` names the n-th event of the stream (0-based), so ids are the same on every run. */
export function runJourney(
  childId: string,
  commands: readonly JourneyCommand[],
  eventId: (ordinal: number) => string,
  from: RunResult = { state: journeyDecider.initialState, envelopes: [] },
): RunResult {
  let state = from.state;
  const envelopes = [...from.envelopes];
  for (const command of commands) {
    let events;
    try {
      events = journeyDecider.decide(command, state);
    } catch (error) {
      throw new RejectedCommand(childId, command, error);
    }
    for (const event of events) {
      const envelope = journeyEnvelope(event, eventId(envelopes.length), {
        now: command.now,
        recordedBy: command.recordedBy,
      });
      envelopes.push(envelope);
      const stored = {
        ...event,
        id: envelope.id,
        recordedAt: command.now,
        recordedBy: command.recordedBy,
      } as StoredJourneyEvent;
      state = journeyDecider.evolve(state, stored);
    }
  }
  return { state, envelopes };
}
