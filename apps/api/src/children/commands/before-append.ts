import { Injectable } from '@nestjs/common';
import type { JourneyEvent, JourneyState } from '@care-journey/journey';
import type { RecordingContext } from '../recording/recording-context';
// Value imports: Nest injects them by the constructor's parameter types.
import { AmendmentHolds } from './amendment-holds';
import { SchemaWriteGate } from './schema-write.gate';
import type { ReleaseUnrecorded } from './unrecorded-amendment';

/**
 * What every decision passes between deciding and appending, on either path: with
 * CARE_JOURNEY_SCHEMA_WRITES=held, a version the log does not hold yet is refused (503
 * schema-writes-held) before anything is held; then an amendment's 903 reference and UPN are held
 * (409 child-ref-in-use / upn-in-use), and what that reserved is handed back, for the append to
 * release if it is refused (unrecorded-amendment.ts). A registration's own are held by the
 * repository's append.
 */
@Injectable()
export class BeforeAppend {
  /** The gate only when it holds writes: with the default `current` a command pays one field test. */
  private readonly heldWrites: SchemaWriteGate | undefined;

  constructor(
    schemaWrites: SchemaWriteGate,
    private readonly amendments: AmendmentHolds,
  ) {
    this.heldWrites = schemaWrites.held ? schemaWrites : undefined;
  }

  /**
   * Not `async`: unheld, the caller awaits the holds' own promise, so this step adds no await and
   * no promise to a command.
   */
  hold(
    events: readonly JourneyEvent[],
    state: JourneyState,
    context: RecordingContext,
  ): Promise<ReleaseUnrecorded[] | undefined> {
    if (!this.heldWrites) return this.amendments.hold(events, state, context);
    return this.heldWrites.check(events, state).then(() => this.amendments.hold(events, state, context));
  }
}
