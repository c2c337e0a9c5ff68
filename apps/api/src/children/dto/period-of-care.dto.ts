import { EffectiveDateDto } from './effective-date.dto';
import { CodeField, NestedField, TextField } from './fields';
import { PlacementDetailsDto } from './placement-details.dto';

export class PreviousPermanenceDto {
  @CodeField('PREV_PERM', { description: '903 PREV_PERM', example: 'Z1' })
  code!: string;

  @TextField({ description: 'Authority that made the earlier order', example: 'Leeds', optional: true })
  la?: string;

  @TextField(
    { description: 'Date of the earlier order, as known', example: '2016-01-01', optional: true },
    10,
  )
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
