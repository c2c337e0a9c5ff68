import { Inject, Injectable } from '@nestjs/common';
import type { AuthorityConfig } from '@care-journey/projections';
import { AUTHORITY_CONFIG } from '../../authority/authority.providers';
import { UserDirectory } from '../../web/auth/user-directory';
import type { KnownAllocationNames } from './known-allocation-names';

/**
 * Where the names an allocation may use come from: the authority's teams (read at start-up) and the
 * social workers in the user directory (read again when the users file changes).
 */
@Injectable()
export class AllocationNames {
  constructor(
    private readonly users: UserDirectory,
    @Inject(AUTHORITY_CONFIG) private readonly config: AuthorityConfig,
  ) {}

  known(): KnownAllocationNames {
    return { teams: this.config.teams, socialWorkers: this.users.socialWorkers() };
  }
}
