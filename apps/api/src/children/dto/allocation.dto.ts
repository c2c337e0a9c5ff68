import { EffectiveDateDto } from './effective-date.dto';
import { TextField } from './fields';

export class ChangeAllocationDto extends EffectiveDateDto {
  @TextField({ description: 'Newly allocated team', example: 'South Leeds CiC' })
  team!: string;

  @TextField({ description: 'Newly allocated social worker (user id)', example: 'bob' })
  socialWorker!: string;
}
