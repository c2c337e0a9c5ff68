import { Command } from '@nestjs/cqrs';
import type { JourneyCommand } from '@care-journey/journey';
import { ALL_CHILDREN, type TeamScope } from '../../auth/child-scope/team-scope';
import type { IfMatch } from '../../http/if-match';
import type { RecordingContext } from '../recording/recording-context';

/** What a successful command answers; bigints as decimal strings. */
export interface RecordResult {
  childId: string;
  /** Stream revision after the write: send it as If-Match next time. */
  revision: string;
  /** Global position of the last event written (null when the command changed nothing). */
  globalPosition: string | null;
  events: { id: string; type: string }[];
}

/** Any domain command, carried through the CommandBus to the one handler that records journeys. */
export class RecordJourneyCommand extends Command<RecordResult> {
  constructor(
    readonly command: JourneyCommand,
    readonly ifMatch: IfMatch,
    readonly context: RecordingContext,
    /**
     * The children its sender may record for (ChildScope): the handler refuses any other on the
     * state it decides on, as an unknown child (404). The sender gives the user's; all by default
     * (specs, the bench, tools acting for the authority).
     */
    readonly scope: TeamScope = ALL_CHILDREN,
  ) {
    super();
  }
}
