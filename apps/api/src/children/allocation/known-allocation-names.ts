import { BadRequestException } from '@nestjs/common';
import { teamKey } from '@care-journey/projections';
import { badRequestBody, type FieldError } from '../../http/field-errors';

/** The teams and social workers an allocation may name, as configured now. */
export interface KnownAllocationNames {
  /** The authority's teams (CARE_JOURNEY_AUTHORITY `teams`). */
  teams: readonly string[];
  /** The users with role social_worker (CARE_JOURNEY_USERS, or the demo users in development). */
  socialWorkers: readonly { username: string; name: string }[];
}

/**
 * A command's fields with the allocation names it gives: both for a registration or an allocation,
 * either or neither for an amendment's data.
 */
export interface SentAllocationNames {
  team?: unknown;
  socialWorker?: unknown;
  [field: string]: unknown;
}

/**
 * The one check of the names an allocation is recorded with — a registration, a new allocation
 * and an amendment of either — returning them as the configuration spells them: the team matched
 * ignoring case and spacing, the social worker by user id ignoring case. Only the names given are
 * checked and returned (an amendment gives only what it corrects); a name that is not text is left
 * to the DTO's own rules. Anything else is a 400 naming the field (under `path`, e.g.
 * `amendedData.team`) and the rule, so nothing is recorded: a team typed another way would split a
 * caseload, and a user id nobody signs in with allocates the child to no one. Checked before the
 * journey decides (the journey itself does not know the configuration), so allocations stored
 * before this check, with other names, still fold and show.
 */
export function knownAllocation<T extends SentAllocationNames>(
  known: KnownAllocationNames,
  sent: T,
  path?: string,
): T {
  const field = (name: string) => (path === undefined ? name : `${path}.${name}`);
  const errors: FieldError[] = [];
  const named: SentAllocationNames = {};
  if (typeof sent.team === 'string') {
    const given = sent.team;
    const team = known.teams.find((name) => teamKey(name) === teamKey(given));
    if (team !== undefined) named.team = team;
    else
      errors.push({
        field: field('team'),
        rule: 'knownTeam',
        message: `${field('team')} must be one of the authority's teams (${known.teams.join(', ')}), not ${JSON.stringify(given)}`,
      });
  }
  if (typeof sent.socialWorker === 'string') {
    const given = sent.socialWorker.trim().toLowerCase();
    const worker = known.socialWorkers.find((user) => user.username.toLowerCase() === given);
    if (worker !== undefined) named.socialWorker = worker.username;
    else
      errors.push({
        field: field('socialWorker'),
        rule: 'knownSocialWorker',
        message:
          `${field('socialWorker')} must be the user id of a social worker who can sign in (the users file), ` +
          `not ${JSON.stringify(sent.socialWorker)}`,
      });
  }
  if (errors.length > 0) throw new BadRequestException(badRequestBody(errors));
  return { ...sent, ...named };
}
