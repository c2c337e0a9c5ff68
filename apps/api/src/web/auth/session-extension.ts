import { SESSION_LIMIT_HOURS, type SessionTimes } from '../../auth/session-limits';

/**
 * How close to its end a session must be for "Stay signed in" to move it: the warning comes 3
 * minutes before (SESSION_WARNING_MINUTES), so 10 leaves room for a slow answer and a late tab.
 * Earlier, the session is left as it is and nothing is recorded: each extension is a write to the
 * store, so a page (or a script) asking again and again writes at most once per session stretch.
 */
export const EXTENDABLE_MINUTES_BEFORE_END = 10;

/** "Stay signed in": the session's new end (`extended` false: not due yet, left as it was), or why it cannot be extended. */
export type SessionExtension =
  | { endsAt: number; limit: number; canExtendAgain: boolean; extended: boolean }
  | { refused: string; reason: 'no-sign-in-time' | 'session-limit' };

/** The latest a session signed in at `signedInAt` may end (Unix seconds). */
export const sessionLimit = (signedInAt: number): number => signedInAt + SESSION_LIMIT_HOURS * 3600;

/** Whether the pages offer "Stay signed in" for a session with these times. */
export const mayExtend = (times: SessionTimes): boolean =>
  times.signedInAt !== undefined && times.endsAt < sessionLimit(times.signedInAt);

/**
 * A session's end after "Stay signed in" at `now`: a full stretch from now, but never past
 * SESSION_LIMIT_HOURS from sign-in (auth/session-limits.ts says why) and never earlier than it was;
 * unchanged while more than EXTENDABLE_MINUTES_BEFORE_END remain.
 * A session already at that limit is refused, as is one whose token does not say when it signed in.
 * All times are Unix seconds; the checks that the session is live and its user still holds it are
 * the authentication guard's, before this runs.
 */
export function extendSession(times: SessionTimes, now: number, stretchSeconds: number): SessionExtension {
  if (times.signedInAt === undefined)
    return {
      refused: 'This session does not say when you signed in, so it cannot be extended: sign in again',
      reason: 'no-sign-in-time',
    };
  const limit = sessionLimit(times.signedInAt);
  if (times.endsAt >= limit)
    return {
      refused:
        `This session cannot be extended: a sign-in lasts at most ${SESSION_LIMIT_HOURS} hours, ` +
        `and this one has reached it (it ends at ${new Date(limit * 1000).toISOString()}). Sign in again to go on`,
      reason: 'session-limit',
    };
  if (times.endsAt - now > EXTENDABLE_MINUTES_BEFORE_END * 60)
    return { endsAt: times.endsAt, limit, canExtendAgain: true, extended: false };
  const endsAt = Math.max(times.endsAt, Math.min(now + stretchSeconds, limit));
  return { endsAt, limit, canExtendAgain: endsAt < limit, extended: endsAt > times.endsAt };
}
