import type { AuthenticatedUser } from './authenticated-user';
import type { Role } from './role';
import type { SessionUsers } from './session-users';

/** How long a user's role, as the users file has it, is taken without asking the directory again. */
export const HOLDER_RECHECK_MS = 1_000;

export const TOKEN_ACCESS_CHANGED =
  "This token's user is not in the users file with the token's role (role changed or account removed): ask for a new token";

/**
 * Decision: with a users file (CARE_JOURNEY_USERS), an API client's bearer token works only while
 * its user is in that file with the token's role, as a web session does: a role change or a removal
 * there stops the user's tokens too, within a second, on every host reading the file. So the users
 * file is the register of everyone who holds access, service accounts (reporting jobs) included.
 * Without a users file (development's demo users, or no directory at all) tokens are not checked
 * against one. Unlike a session nothing is recorded: put the role back and the token works again;
 * to end a token for good, revoke it (revocation/).
 *
 * The directory stats its file on every lookup; here each user's role is asked at most once a
 * second, so a bearer request costs a map lookup.
 */
export class TokenHolders {
  private roles = new Map<string, Role | undefined>();
  private clearedAt = Number.NEGATIVE_INFINITY;

  /** `users`: the users file's directory; undefined when there is none to check against. */
  constructor(private readonly users: SessionUsers | undefined) {}

  get checked(): boolean {
    return this.users !== undefined;
  }

  /** True when the token's user is in the users file with the token's role (or there is no file). */
  holds(user: AuthenticatedUser, nowMs: number): boolean {
    if (this.users === undefined) return true;
    if (nowMs - this.clearedAt >= HOLDER_RECHECK_MS) {
      this.roles.clear();
      this.clearedAt = nowMs;
    }
    const key = user.id.toLowerCase();
    let role: Role | undefined;
    if (this.roles.has(key)) role = this.roles.get(key);
    else {
      role = this.users.currentRole(user.id);
      this.roles.set(key, role);
    }
    return role === user.role;
  }
}
