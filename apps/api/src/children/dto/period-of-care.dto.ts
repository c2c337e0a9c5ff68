import { ValidateBy, buildMessage } from 'class-validator';
import { LA_PERM_RULE, isLaPermCode, isOrderDateAsKnown } from '@care-journey/journey';
import { EffectiveDateDto } from './effective-date.dto';
import { CodeField, NestedField, TextField } from './fields';
import { PlacementDetailsDto } from './placement-details.dto';

export class PreviousPermanenceDto {
  @CodeField('PREV_PERM', {
    description:
      '903 PREV_PERM: P1 adoption, P2 SGO, P3 residence/child arrangements order, P4 unknown, Z1 none',
    example: 'P2',
  })
  code!: string;

  @TextField({
    description: "903 LA_PERM: an English authority's three-digit DfE code, or WAL, SCO, NUK, NIR (rule 633)",
    example: '383',
    optional: true,
  })
  @ValidateBy({
    name: 'isLaPermCode',
    validator: {
      validate: (value) => isLaPermCode(value),
      defaultMessage: buildMessage((prefix) => `${prefix}$property must be a 903 LA code: ${LA_PERM_RULE}`),
    },
  })
  la?: string;

  @TextField(
    {
      description:
        'Date of the earlier order, as known: YYYY-MM-DD, or YYYY-MM / YYYY when the day or month is not known (the 903 writes ZZ)',
      example: '2016-01-01',
      optional: true,
    },
    10,
  )
  @ValidateBy({
    name: 'isOrderDateAsKnown',
    validator: {
      validate: (value) => isOrderDateAsKnown(value),
      defaultMessage: buildMessage(
        (prefix) =>
          `${prefix}$property must be YYYY-MM-DD, or YYYY-MM / YYYY when the day or month is not known`,
      ),
    },
  })
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
