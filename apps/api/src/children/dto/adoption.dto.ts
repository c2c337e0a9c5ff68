import { ApiProperty } from '@nestjs/swagger';
import { ADOPTION_PLACEMENTS } from '@care-journey/journey';
import { IsIn } from 'class-validator';
import { EffectiveDateDto } from './effective-date.dto';
import { BooleanField, CodeField, NestedField, OneOfField } from './fields';
import { PlacementDetailsDto } from './placement-details.dto';

// Named subclasses, so each endpoint has its own schema in the OpenAPI document.
export class RecordAdoptionDecisionDto extends EffectiveDateDto {}
export class GrantPlacementOrderDto extends EffectiveDateDto {}
export class RecordAdoptionConsentDto extends EffectiveDateDto {}
export class RecordMatchDto extends EffectiveDateDto {}

export class ReverseAdoptionDecisionDto extends EffectiveDateDto {
  @CodeField('REASON_PLACED_CEASED', {
    description: '903 reason the child should no longer be placed for adoption',
    example: 'RD1',
  })
  reason!: 'RD1' | 'RD2' | 'RD3' | 'RD4';
}

const ADOPTIVE_TYPES = ADOPTION_PLACEMENTS.join(', ');

/**
 * Placed for adoption is A3–A6 (the 903's move-in with adopters). Fostering for adoption or concurrent
 * planning (U2/U5) is a foster placement: a change of placement, which can later become A3/A5.
 */
export class AdoptivePlacementDetailsDto extends PlacementDetailsDto {
  @ApiProperty({
    description: `903 PLACE placement type for adoption: ${ADOPTIVE_TYPES}. Fostering for adoption (U2/U5) is a change of placement (POST /children/{childId}/placement-changes)`,
    example: 'A6',
    enum: [...ADOPTION_PLACEMENTS],
  })
  @IsIn([...ADOPTION_PLACEMENTS], {
    message: `$property must be a placement for adoption (${ADOPTIVE_TYPES}); fostering for adoption (U2/U5) is recorded as a change of placement (POST /children/{childId}/placement-changes)`,
  })
  declare placementType: string;
}

export class PlaceForAdoptionDto extends EffectiveDateDto {
  @NestedField(() => AdoptivePlacementDetailsDto, {
    description: 'The placement for adoption (A3–A6)',
  })
  placement!: AdoptivePlacementDetailsDto;

  @BooleanField({
    description: 'Stays with the same carer (not a placement move for stability)',
    example: false,
  })
  sameCarer!: boolean;
}

export class GrantAdoptionOrderDto extends EffectiveDateDto {
  @BooleanField({ description: 'Adopted by a former foster carer', example: false })
  adoptedByFosterCarer!: boolean;

  @OneOfField([1, 2], { description: 'Number of adopters', example: 2 })
  numberOfAdopters!: 1 | 2;

  @CodeField('SEX_ADOPTR', { description: '903 SEX_ADOPTR', example: 'MF' })
  adopterSex!: string;

  @CodeField('LS_ADOPTR', { description: "903 LS_ADOPTR, the adopters' legal status", example: 'L11' })
  adopterLegalStatus!: string;

  @OneOfField(['unopposed', 'consent_dispensed'], {
    description: 'How the application went: sets the 903 reason the care ended (E11 or E12)',
    example: 'unopposed',
  })
  application!: 'unopposed' | 'consent_dispensed';
}
