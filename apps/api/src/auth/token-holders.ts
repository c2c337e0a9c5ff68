import type { AuthenticatedUser } from './authenticated-user';
import type { SessionUsers } from './session-users';

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
 * Asked on every bearer request: the directory looks at its file at most once a second for the
 * whole process (watched-file.ts), so a check is a map lookup.
 */
export class TokenHolders {
  /** `users`: the users file's directory; undefined when there is none to check against. */
  constructor(private readonly users: SessionUsers | undefined) {}

  /** True when the token's user is in the users file with the token's role (or there is no file). */
  holds(user: AuthenticatedUser): boolean {
    return this.users === undefined || this.users.currentRole(user.id) === user.role;
  }
}
