/**
 * The end of a web session: `SessionEnded`, appended by the API to a stream of its own,
 * `session-<id>` (apps/api/src/auth/session-ends.ts), when its user signs out, or at its first
 * request after the directory changed its user's role or removed the user (`access-changed`). Its
 * `sessionId` is the `tokenId` of the session's `SignedIn`, so `audit tokens` can pair them.
 * Named here, beside the sign-in, so the API that writes it and the CLI that lists it agree.
 */
export const SESSION_STREAM_PREFIX = 'session-';
export const SESSION_ENDED = 'SessionEnded';
export const SESSION_ENDED_SCHEMA_VERSION = 1;

export type SessionEndReason = 'signed-out' | 'access-changed';

// A type alias, not an interface, so it is assignable to the store's Record<string, unknown> data.
export type SessionEndedData = {
  /** The session's id: its token's `jti`, the `tokenId` of its SignedIn. */
  sessionId: string;
  userId: string;
  role: string;
  /** ISO-8601 UTC instant. */
  endedAt: string;
  reason: SessionEndReason;
};

export const sessionStream = (sessionId: string): string => `${SESSION_STREAM_PREFIX}${sessionId}`;
