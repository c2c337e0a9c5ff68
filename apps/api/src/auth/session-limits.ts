import { SESSION_HOURS } from '@care-journey/access';

/**
 * The most a web sign-in can last, however often "Stay signed in" extends it: 24 hours from signing
 * in (the session token's `iat`, which every extension keeps). Why 24: it is more than 20 hours, so
 * the limit that remains falls under WCAG 2.2.1's 20-hour exception (before it, every 8-hour stretch
 * is warned about and can be extended), while a password typed once still opens the service for at
 * most a day. An unattended browser is not extended: only pressing the button does it, so a session
 * nobody is at still ends 8 hours after the last press. A revocation, a role change or a sign-out
 * ends an extended session as it ends any other.
 */
export const SESSION_LIMIT_HOURS = 24;

/** A session's stretch in seconds: `sessionMinutes` from the config (specs), else SESSION_HOURS. */
export const sessionSeconds = (sessionMinutes: number | undefined): number =>
  Math.round((sessionMinutes ?? SESSION_HOURS * 60) * 60);

/** A web session's times (Unix seconds), from its token. */
export interface SessionTimes {
  /** When the user signed in (`iat`); absent only on a token minted without one. */
  signedInAt?: number;
  /** When the session ends unless extended (`exp`). */
  endsAt: number;
}
