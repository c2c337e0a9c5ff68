import { EffectiveDateDto } from './effective-date.dto';
import { TextField } from './fields';

export class ChangeAllocationDto extends EffectiveDateDto {
  @TextField({
    description:
      "Newly allocated team: one of the authority's teams (authority setting `teams`), matched ignoring case and spacing, stored as configured (400 knownTeam otherwise)",
    example: 'Children in Care North',
  })
  team!: string;

  @TextField({
    description:
      'Newly allocated social worker: the user id of a social_worker user (CARE_JOURNEY_USERS), matched ignoring case (400 knownSocialWorker otherwise)',
    example: 'sw.demo',
  })
  socialWorker!: string;
}
