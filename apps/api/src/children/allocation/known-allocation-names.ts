import { BadRequestException } from '@nestjs/common';
import { teamKey } from '@care-journey/projections';
import { badRequestBody, type FieldError } from '../../http/field-errors';

/** The teams and social workers a new allocation may name, as configured now. */
export interface KnownAllocationNames {
  /** The authority's teams (CARE_JOURNEY_AUTHORITY `teams`). */
  teams: readonly string[];
  /** The users with role social_worker (CARE_JOURNEY_USERS, or the demo users in development). */
  socialWorkers: readonly { username: string; name: string }[];
}

/**
 * An allocation's team and social worker as the configuration spells them: the team matched
 * ignoring case and spacing, the social worker by user id ignoring case. Anything else is a 400
 * naming the field and the rule, so nothing is recorded: a team typed another way would split a
 * caseload, and a user id nobody signs in with allocates the child to no one. Checked before the
 * journey decides (the journey itself does not know the configuration), so allocations stored
 * before this check, with other names, still fold and show.
 */
export function knownAllocation(
  known: KnownAllocationNames,
  sent: { team: string; socialWorker: string },
): { team: string; socialWorker: string } {
  const team = known.teams.find((name) => teamKey(name) === teamKey(sent.team));
  const worker = known.socialWorkers.find(
    (user) => user.username.toLowerCase() === sent.socialWorker.trim().toLowerCase(),
  );
  const errors: FieldError[] = [];
  if (team === undefined)
    errors.push({
      field: 'team',
      rule: 'knownTeam',
      message: `team must be one of the authority's teams (${known.teams.join(', ')}), not ${JSON.stringify(sent.team)}`,
    });
  if (worker === undefined)
    errors.push({
      field: 'socialWorker',
      rule: 'knownSocialWorker',
      message:
        `socialWorker must be the user id of a social worker who can sign in (the users file), ` +
        `not ${JSON.stringify(sent.socialWorker)}`,
    });
  if (team === undefined || worker === undefined) throw new BadRequestException(badRequestBody(errors));
  return { team, socialWorker: worker.username };
}
