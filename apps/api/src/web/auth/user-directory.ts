import { Logger, type LoggerService } from '@nestjs/common';
import { isProduction } from '@care-journey/access';
import { loadAuthorityConfig, type AuthorityConfig } from '@care-journey/projections';
import { hashPassword, parseUsers, type Role, verifyPassword, type WebUser } from '@care-journey/access';
import { SessionUsers } from '../../auth/session-users';
import { type RecheckOptions, WatchedFile } from '../../auth/watched-file';

/**
 * In development (no CARE_JOURNEY_USERS, NODE_ENV not production) one demo user per role signs in
 * with this password. Never available in production.
 */
export const DEMO_PASSWORD = 'care-journey-demo';

const DEMO_USERS: Omit<WebUser, 'passwordHash'>[] = [
  { username: 'sw.demo', name: 'Sam Worker (demo)', role: 'social_worker' },
  { username: 'sw.other.demo', name: 'Olu Other (demo)', role: 'social_worker' },
  { username: 'panel.demo', name: 'Pat Panel (demo)', role: 'panel_member' },
  { username: 'auditor.demo', name: 'Alex Auditor (demo)', role: 'auditor' },
  { username: 'reporting.demo', name: 'Reporting job (demo)', role: 'reporting_job' },
  { username: 'admin.demo', name: 'Ada Admin (demo)', role: 'admin' },
];

type UsersByName = ReadonlyMap<string, WebUser>;

export class UserDirectory extends SessionUsers {
  /** The users by lower-cased username, as the directory has them now. */
  private readonly users: () => UsersByName;

  constructor(
    /**
     * Fixed users, or the users file they come from (CARE_JOURNEY_USERS), read again when it changes
     * so that a role changed or a user removed there takes effect without a restart, within a
     * second: every look-up of the process shares one look at the file a second (watched-file.ts).
     */
    users: readonly WebUser[] | WatchedFile<UsersByName>,
    /** Explains an empty directory on the login page (e.g. production without a users file). */
    readonly notice?: string,
  ) {
    super();
    if (users instanceof WatchedFile) this.users = () => users.current();
    else {
      const fixed = byUsername(users);
      this.users = () => fixed;
    }
  }

  get demo(): boolean {
    return [...this.users().values()].some((user) => user.username.endsWith('.demo'));
  }

  /** The user when the password matches; scrypt runs even for an unknown name so timing does not tell. */
  authenticate(username: string, password: string): WebUser | undefined {
    const user = this.users().get(username.trim().toLowerCase());
    const ok = verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    return user && ok ? user : undefined;
  }

  /** A session's user (the token's `sub`, the username it signed in with) as the directory has them now. */
  currentRole(userId: string): Role | undefined {
    return this.users().get(userId.toLowerCase())?.role;
  }

  /** A social worker's teams as the directory has them now; empty for anyone not in it. */
  teamsOf(userId: string): readonly string[] {
    return this.users().get(userId.toLowerCase())?.teams ?? [];
  }

  /** A user's display name ("Sam Worker"), as the directory has it now; undefined for anyone not in it. */
  nameOf(userId: string): string | undefined {
    return this.users().get(userId.toLowerCase())?.name;
  }

  /** Who may be allocated a child (role social_worker), as the directory has them now. */
  socialWorkers(): { username: string; name: string }[] {
    return [...this.users().values()]
      .filter((user) => user.role === 'social_worker')
      .map(({ username, name }) => ({ username, name }));
  }
}

const byUsername = (users: readonly WebUser[]): UsersByName =>
  new Map(users.map((user) => [user.username.toLowerCase(), user]));

const UNKNOWN_USER_HASH = hashPassword('not-a-user');

/**
 * Users from CARE_JOURNEY_USERS (a JSON file of WebUser), else the demo users outside production.
 * A social worker's teams are checked against the authority's (CARE_JOURNEY_AUTHORITY), read here too.
 */
export function loadUserDirectory(
  env: Record<string, string | undefined> = process.env,
  authority: Pick<AuthorityConfig, 'teams' | 'socialWorkerScope'> = loadAuthorityConfig(env),
  /** The users file's re-check interval and clock, and where its errors go (specs give their own). */
  watch: RecheckOptions & { logger?: Pick<LoggerService, 'error' | 'log'> } = {},
): UserDirectory {
  const file = env.CARE_JOURNEY_USERS?.trim();
  if (file) {
    const parse = (text: string, source: string) => byUsername(parseUsers(text, source, authority));
    return new UserDirectory(
      new WatchedFile(file, parse, {
        holds: 'users',
        summary: (users) => `${users.size} user(s)`,
        ...watch,
        logger: watch.logger ?? new Logger('Users'),
      }),
    );
  }
  if (isProduction(env)) {
    return new UserDirectory([], 'No users are configured: set CARE_JOURNEY_USERS to the users file.');
  }
  const passwordHash = hashPassword(DEMO_PASSWORD);
  return new UserDirectory(
    DEMO_USERS.map((user) => ({ ...user, ...demoTeams(user.username, authority.teams), passwordHash })),
  );
}

/**
 * The demo's social workers split the authority's teams, so the demo shows team scoping: sw.demo
 * works in the first team (the seed allocates children to it), sw.other.demo in every other one.
 */
function demoTeams(username: string, teams: readonly string[]): { teams?: string[] } {
  if (username === 'sw.demo') return { teams: teams.slice(0, 1) };
  if (username === 'sw.other.demo') return { teams: teams.length > 1 ? teams.slice(1) : [...teams] };
  return {};
}
