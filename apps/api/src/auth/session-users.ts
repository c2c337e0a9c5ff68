import type { Role } from '@care-journey/access';

/**
 * Who may still hold a web session: the user directory as it stands now (web/auth/user-directory.ts,
 * its file looked at once a second and read again when it changed). A session whose user is gone, or
 * whose role there is no longer the one it signed in with, is ended at its first request once the
 * directory has the change, within a second (jwt-auth.guard.ts).
 */
export abstract class SessionUsers {
  /** The user's role in the directory now; undefined when the user is not in it. */
  abstract currentRole(userId: string): Role | undefined;
}

export const ACCESS_CHANGED =
  'Your access changed since you signed in (role changed or account removed): sign in again';
