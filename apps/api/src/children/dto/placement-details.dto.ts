import type { PlacementDetails } from '@care-journey/journey';
import { Matches } from 'class-validator';
import { BooleanField, CodeField, PostcodeField, TextField } from './fields';

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

  @TextField({ description: 'Ofsted URN of the setting, or XXXXXXX', example: 'SC123456', optional: true }, 8)
  @Matches(/^[A-Za-z0-9]{1,8}$/, {
    message: "$property must be the setting's Ofsted URN or XXXXXXX: letters and digits",
  })
  urn?: string;

  @BooleanField({ description: "Inside the responsible authority's area", example: true, optional: true })
  inArea?: boolean;
}
