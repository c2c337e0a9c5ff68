import type { Role } from '@care-journey/access';
import type { SessionTimes } from './session-limits';

/** The caller, as established from a verified token. */
export interface AuthenticatedUser {
  /** Stable user id (the token's `sub`); recorded as `recordedBy` on every event. */
  id: string;
  name: string;
  role: Role;
  /** A web session's id (the token's `jti`), checked against sign-outs; absent for API clients' tokens. */
  sessionId?: string;
  /** A web session's sign-in and end (from its token): the pages say when it ends and offer to extend it. */
  sessionTimes?: SessionTimes;
}
