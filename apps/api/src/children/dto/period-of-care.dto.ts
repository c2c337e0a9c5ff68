import { Matches } from 'class-validator';
import { EffectiveDateDto } from './effective-date.dto';
import { CodeField, DateField, NestedField, TextField } from './fields';
import { PlacementDetailsDto } from './placement-details.dto';

export class PreviousPermanenceDto {
  @CodeField('PREV_PERM', {
    description:
      '903 PREV_PERM: P1 adoption, P2 SGO, P3 residence/child arrangements order, P4 not known, Z1 none',
    example: 'Z1',
  })
  code!: string;

  // The 903 LA_PERM as the DfE validator reads it (rule 633): a name would be exported as it is and refused.
  @TextField({
    description:
      'Authority that made the earlier order: its three-digit DfE code, or WAL, SCO, NIR or NUK outside England',
    example: '873',
    optional: true,
  })
  @Matches(/^(\d{3}|WAL|SCO|NIR|NUK)$/, {
    message: '$property must be a three-digit DfE authority code, or WAL, SCO, NIR or NUK',
  })
  la?: string;

  @DateField({ description: 'Date of the earlier order', example: '2016-01-01', optional: true })
  date?: string;
}

export class StartPeriodOfCareDto extends EffectiveDateDto {
  @CodeField('LS', { description: '903 legal status', example: 'C1' })
  legalStatus!: string;

  @CodeField('CIN', { description: '903 category of need', example: 'N1' })
  categoryOfNeed!: string;

  @NestedField(() => PlacementDetailsDto, { description: 'The first placement' })
  placement!: PlacementDetailsDto;

  @NestedField(() => PreviousPermanenceDto, {
    description: 'An earlier permanence order, when known',
    optional: true,
  })
  previousPermanence?: PreviousPermanenceDto;
}

export class ChangeLegalStatusDto extends EffectiveDateDto {
  @CodeField('LS', { description: '903 legal status', example: 'C2' })
  legalStatus!: string;
}

export class EndPeriodOfCareDto extends EffectiveDateDto {
  @CodeField('REC', {
    description: '903 reason the period of care ended (E11/E12 only via the adoption order)',
    example: 'E4A',
  })
  reason!: string;
}
