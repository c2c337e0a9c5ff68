import { Inject, Injectable } from '@nestjs/common';
import type { AuthorityConfig } from '@care-journey/projections';
import { AUTHORITY_CONFIG } from '../../authority/authority.providers';
import { UserDirectory } from '../../web/auth/user-directory';
import type { AuthenticatedUser } from '../authenticated-user';
import { teamScope, type TeamScope } from './team-scope';

/**
 * A user's scope as it stands now (the authority's socialWorkerScope, a social worker's teams in the
 * users file). Reads nothing of a child, so the record handler can ask it without a cycle back to the
 * scope's guard (ChildScope builds on it).
 */
@Injectable()
export class UserTeamScopes {
  constructor(
    private readonly users: UserDirectory,
    @Inject(AUTHORITY_CONFIG) private readonly authority: AuthorityConfig,
  ) {}

  of(user: AuthenticatedUser): TeamScope {
    if (user.role !== 'social_worker' || this.authority.socialWorkerScope === 'authority')
      return { all: true };
    return teamScope(user.role, this.authority.socialWorkerScope, this.users.teamsOf(user.id));
  }
}
