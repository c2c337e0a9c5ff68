import { CODE_LISTS, TEMPORARY_PLACEMENTS } from '@care-journey/journey';
import { EffectiveDateDto } from './effective-date.dto';
import { BooleanField, CodeField, NestedField } from './fields';
import { PlacementDetailsDto } from './placement-details.dto';

export class ChangePlacementDto extends EffectiveDateDto {
  @NestedField(() => PlacementDetailsDto, { description: 'The new placement' })
  placement!: PlacementDetailsDto;

  @CodeField('REASON_PLACE_CHANGE', { description: '903 reason for the change', example: 'CARPL' })
  reasonForChange!: string;

  @BooleanField({ description: 'Same carer as before (903 RNE T/U rather than P/B)', example: false })
  sameCarer!: boolean;
}

export class StartTemporaryPlacementDto extends EffectiveDateDto {
  @CodeField('PLACE', { description: 'Temporary placement type, T0–T4', example: 'T2' }, TEMPORARY_PLACEMENTS)
  placementType!: (typeof TEMPORARY_PLACEMENTS)[number];
}

/** Types that replace a withdrawn one (K3 for H5, Z11–Z14 for Z1): what a return may be re-recorded as. */
const SUCCESSOR_TYPES = [...new Set(CODE_LISTS.PLACE.flatMap((d) => d.replacedBy ?? []))];

/** Back to the usual placement held before the temporary one. */
export class EndTemporaryPlacementDto extends EffectiveDateDto {
  @CodeField(
    'PLACE',
    {
      description:
        "Only when the usual placement's type was withdrawn while the child was away (H5 from 1 April 2025): the same setting in the type that replaces it (K3)",
      example: 'K3',
      optional: true,
    },
    SUCCESSOR_TYPES,
  )
  reRecordedAs?: string;
}
