import type { PlacementDetails } from '@care-journey/journey';
import { Matches } from 'class-validator';
import { BooleanField, CodeField, PostcodeField, TextField } from './fields';
import { OFSTED_URN_PATTERN, OFSTED_URN_RULE } from './ofsted-urn';

export class PlacementDetailsDto implements PlacementDetails {
  @CodeField('PLACE', { description: '903 PLACE placement type', example: 'U6' })
  placementType!: string;

  @CodeField('PLACE_PROVIDER', {
    description: '903 PLACE_PROVIDER; omit for temporary (T0–T4) and Z placements',
    example: 'PR1',
    optional: true,
  })
  provider?: string;

  @PostcodeField({
    description: 'Placement postcode (district at least)',
    example: 'LS1 4AB',
    optional: true,
  })
  postcode?: string;

  @TextField(
    {
      description:
        'Ofsted URN of the setting (SC123456, EY123456, 123456 or 1234567), or XXXXXXX when not applicable',
      example: 'SC123456',
      optional: true,
    },
    8,
  )
  @Matches(OFSTED_URN_PATTERN, { message: OFSTED_URN_RULE })
  urn?: string;

  @BooleanField({ description: "Inside the responsible authority's area", example: true, optional: true })
  inArea?: boolean;
}
