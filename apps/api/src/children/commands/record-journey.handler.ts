import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { WrongExpectedRevision } from '@care-journey/event-store';
import { journeyDecider, type JourneyCommand } from '@care-journey/journey';
import type { IfMatch } from '../../http/if-match';
import { ChildNotFound, RevisionConflict } from '../application-errors';
import { JourneyRepository } from '../recording/journey.repository';
import type { RecordingContext } from '../recording/recording-context';
import { RecordJourneyCommand, type RecordResult } from './record-journey.command';

/**
 * Load → decide → append at the revision read. If someone else wrote in between, decide once
 * more against the fresh state (the command may still hold, or now break a rule); a second
 * clash, or a clash with the revision the client asserted in If-Match, is a 409.
 */
@CommandHandler(RecordJourneyCommand)
export class RecordJourneyHandler implements ICommandHandler<RecordJourneyCommand, RecordResult> {
  constructor(private readonly journeys: JourneyRepository) {}

  async execute({ command, ifMatch, context }: RecordJourneyCommand): Promise<RecordResult> {
    try {
      return await this.attempt(command, ifMatch, context);
    } catch (error) {
      // With If-Match the client decided against that revision: re-deciding for it would be wrong.
      if (!(error instanceof WrongExpectedRevision) || ifMatch.kind === 'revision')
        throw toConflict(command.childId, error);
    }
    try {
      return await this.attempt(command, ifMatch, context);
    } catch (error) {
      throw toConflict(command.childId, error);
    }
  }

  private async attempt(
    command: JourneyCommand,
    ifMatch: IfMatch,
    context: RecordingContext,
  ): Promise<RecordResult> {
    const { childId } = command;
    const { state, revision, globalPosition } = await this.journeys.load(childId);
    if (revision === undefined && command.type !== 'RegisterChild') throw new ChildNotFound(childId);
    if (ifMatch.kind === 'revision' && ifMatch.revision !== revision) {
      throw new RevisionConflict(childId, ifMatch.revision, revision ?? 'no_stream');
    }
    const events = journeyDecider.decide(command, state);
    if (events.length === 0) {
      return {
        childId,
        revision: String(revision ?? -1n),
        globalPosition: globalPosition?.toString() ?? null,
        events: [],
      };
    }
    const expected = revision ?? 'no_stream';
    const appended = await this.journeys.append(childId, events, expected, context);
    return {
      childId,
      revision: appended.nextExpectedRevision.toString(),
      globalPosition: appended.globalPosition.toString(),
      events: appended.events,
    };
  }
}

/** A store-level revision clash becomes the API's conflict; anything else passes through. */
function toConflict(childId: string, error: unknown): unknown {
  if (!(error instanceof WrongExpectedRevision)) return error;
  const expected = /^\d+$/.test(error.expected) ? BigInt(error.expected) : 'no_stream';
  return new RevisionConflict(childId, expected, error.actual);
}
