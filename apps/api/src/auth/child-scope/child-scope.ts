import { Inject, Injectable } from '@nestjs/common';
import type { CalendarDate } from '@care-journey/journey';
import { allocationOn, type AuthorityConfig, type JourneySummary } from '@care-journey/projections';
import { AUTHORITY_CONFIG } from '../../authority/authority.providers';
import { JourneyRepository } from '../../children/recording/journey.repository';
import type { FieldError } from '../../http/field-errors';
import type { AuthenticatedUser } from '../authenticated-user';
import { RefusalTrail, type RefusalRule, type RefusedRequest } from './refusal-trail';
import { inTeamScope, type TeamScope } from './team-scope';
import { UserTeamScopes } from './user-team-scopes';

/**
 * The one policy for which children a user reads and records for (the authority's
 * socialWorkerScope, a social worker's teams in the users file). The guard of every child-scoped
 * route (child-scope.guard.ts) and the lists of children (search, drift report) ask it; nothing
 * else decides. Teams are looked up at each request, so a change in the users file applies at once.
 */
@Injectable()
export class ChildScope {
  constructor(
    private readonly scopes: UserTeamScopes,
    @Inject(AUTHORITY_CONFIG) private readonly authority: AuthorityConfig,
    private readonly journeys: JourneyRepository,
    private readonly refusals: RefusalTrail,
  ) {}

  of(user: AuthenticatedUser): TeamScope {
    return this.scopes.of(user);
  }

  /**
   * Whether the user may read or record for the child: its current allocation, from the child's own
   * stream (no projection lag: a child just registered or re-allocated is seen as it now is).
   * An unknown child is out of every limited scope, so the answer cannot tell the two apart.
   */
  async mayOpen(user: AuthenticatedUser, childId: string): Promise<boolean> {
    const scope = this.of(user);
    if (scope.all) return true;
    const { state, revision } = await this.journeys.load(childId);
    return revision !== undefined && inTeamScope(scope, state.allocation?.team);
  }

  /**
   * Whether a command about the child may go on to its handler: as mayOpen, except that a child whose
   * fold this process keeps, allocated in the scope, passes without a read. The record handler then
   * judges the scope again on the very state it decides on (RecordJourneyHandler), so a fold that has
   * gone stale (re-allocated by another process) is refused there, where the store's revision check
   * makes the state exact. A child the kept fold puts out of scope, or none kept, is read as mayOpen.
   */
  async mayRecord(user: AuthenticatedUser, childId: string): Promise<boolean> {
    const scope = this.of(user);
    if (scope.all) return true;
    const kept = this.journeys.keptState(childId);
    if (kept && inTeamScope(scope, kept.allocation?.team)) return true;
    return this.mayOpen(user, childId);
  }

  /** The items of a list (search results, drift rows) whose child is in the user's scope. */
  visible<T>(
    user: AuthenticatedUser,
    items: readonly T[],
    teamOf: (item: T) => string | undefined,
  ): readonly T[] {
    const scope = this.of(user);
    return scope.all ? items : items.filter((item) => inTeamScope(scope, teamOf(item)));
  }

  /** The read models' children in the user's scope, by their allocation today (the drift report's rows). */
  summaries<S extends Iterable<JourneySummary>>(
    user: AuthenticatedUser,
    summaries: S,
    today: CalendarDate,
  ): S | JourneySummary[] {
    const scope = this.of(user);
    if (scope.all) return summaries;
    return [...summaries].filter((summary) => inTeamScope(scope, allocationOn(summary, today)?.team));
  }

  /** Part of a cache key: users with the same scope may share a list computed for it. */
  cacheKey(user: AuthenticatedUser): string {
    const scope = this.of(user);
    return scope.all ? '*' : JSON.stringify([...scope.teams].sort());
  }

  /** The teams a user may register a child into: theirs under a limited scope, else all the authority's. */
  registrationTeams(user: AuthenticatedUser): readonly string[] {
    const scope = this.of(user);
    return scope.all ? this.authority.teams : scope.teams;
  }

  /**
   * Why a registration into `team` is refused for the user (400 on `team`), or undefined. A missing,
   * empty or malformed team is the validation pipe's to name, with the form's other answers (an
   * empty select is no other team's); a user in no team is refused whatever they sent.
   */
  registrationRefusal(user: AuthenticatedUser, team: unknown): FieldError | undefined {
    const scope = this.of(user);
    if (scope.all) return undefined;
    if (scope.teams.length === 0)
      return {
        field: 'team',
        rule: 'ownTeam',
        message: `team: you work in no team in the users file, so you cannot register a child (socialWorkerScope "team")`,
      };
    if (typeof team !== 'string' || team === '' || inTeamScope(scope, team)) return undefined;
    return {
      field: 'team',
      rule: 'ownTeam',
      message: `team must be one of your teams (${scope.teams.join(', ')}), not ${JSON.stringify(team)}: a social worker registers children into their own teams`,
    };
  }

  /**
   * A refused request about a child: in the read-access trail, so probing is seen as reads are.
   * `rule`: why (the scope, or a uniqueness refusal that told a scoped worker some child holds a value).
   */
  recordRefused(
    user: AuthenticatedUser,
    childId: string,
    request: RefusedRequest,
    rule: RefusalRule = 'socialWorkerScope',
  ) {
    return this.refusals.record(user, childId, request, rule);
  }
}
