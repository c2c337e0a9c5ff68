import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { JourneyRepository } from '../recording/journey.repository';
// Value imports: Nest injects them by the constructor's parameter types.
import { KeptFoldAttempt } from './kept-fold.attempt';
import { ReadDecideAppend } from './read-decide-append';
import { RecordJourneyCommand, type RecordResult } from './record-journey.command';

/**
 * Records one command: decided on the fold this process kept when it has one (no read), else, or
 * when that cannot answer, on a fresh read (read → decide → append at the revision read). The
 * sender's scope is judged on the state each decision is made on, so the route's guard needs no
 * read of its own (ChildScope.mayRecord). Specs and the bench build it with
 * testing/record-journey-handler.ts, as ChildrenModule wires it.
 */
@CommandHandler(RecordJourneyCommand)
export class RecordJourneyHandler implements ICommandHandler<RecordJourneyCommand, RecordResult> {
  constructor(
    private readonly journeys: JourneyRepository,
    private readonly keptFold: KeptFoldAttempt,
    private readonly onReads: ReadDecideAppend,
  ) {}

  async execute({ command, ifMatch, context, scope }: RecordJourneyCommand): Promise<RecordResult> {
    const cached = this.journeys.cached(command.childId);
    if (!cached) return this.onReads.record(command, ifMatch, context, scope, 1);
    const outcome = await this.keptFold.attempt(command, ifMatch, context, scope, cached);
    if (outcome.kind === 'answered') return outcome.result;
    // A clash while this process itself wrote the child (its kept fold moved on meanwhile) is
    // concurrency, and uses the one retry; otherwise the kept fold was only stale, and a clash on
    // it does not count.
    const movedOn = (this.journeys.knownRevision(command.childId) ?? cached.revision) > cached.revision;
    return this.onReads.record(
      command,
      ifMatch,
      context,
      scope,
      outcome.kind === 'clashed' && movedOn ? 0 : 1,
    );
  }
}
