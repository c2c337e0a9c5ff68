import type { Idempotency } from './idempotency';

/** Who is recording, when, and as part of which request: becomes each event's metadata. */
export interface RecordingContext {
  /** ISO instant of the recording (also the domain command's `now`). */
  now: string;
  /** User id from the token. */
  recordedBy: string;
  /** Ties together everything done for one user request (X-Correlation-Id, or new). */
  correlationId: string;
  /** The command that caused these events. */
  causationId: string;
  /** The client's Idempotency-Key and request hash, when it sent one: fixes the event ids. */
  idempotency?: Idempotency;
}
