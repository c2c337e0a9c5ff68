import type { RegistryRecording } from '@care-journey/registrations';
import type { Idempotency } from './idempotency';

/** Who is recording, when, and as part of which request: becomes each event's metadata. */
export interface RecordingContext {
  /** ISO instant of the recording (also the domain command's `now`). */
  now: string;
  /** User id from the token. */
  recordedBy: string;
  /** Ties together everything done for one user request (X-Correlation-Id, or new), in every stream. */
  correlationId: string;
  /**
   * The command's id, the causation id of every event it writes, in every stream: name-based on
   * (user, Idempotency-Key, request hash) when keyed (`idempotentCommandId`: a retry is the same
   * command), else a new uuid.
   */
  causationId: string;
  /** The client's Idempotency-Key and request hash, when it sent one: fixes the event ids. */
  idempotency?: Idempotency;
}

/**
 * The metadata a registry event (a 903 reference's or a UPN's reservation or release) made by the
 * command gets: the journey events' recording, correlation and causation ids, so a registration
 * read back across its streams is one request and one command.
 */
export const registryRecording = (context: RecordingContext): RegistryRecording => ({
  recordedAt: context.now,
  recordedBy: context.recordedBy,
  correlationId: context.correlationId,
  causationId: context.causationId,
});
