import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CHILD_ID_PATTERN } from './child-id.param';
import { EffectiveDateDto } from './effective-date.dto';
import {
  BooleanField,
  ChildRefField,
  CodeField,
  DateField,
  OneOfField,
  PostcodeField,
  TextField,
} from './fields';

export class RegisterChildDto extends EffectiveDateDto {
  @ApiPropertyOptional({
    description:
      'Choose the id yourself (makes a retried registration safe); a uuid is generated when omitted',
    example: '3f0c9a4e-5d6b-4c1e-9a61-0b2f1c7d8e90',
  })
  @IsOptional()
  @Matches(CHILD_ID_PATTERN, { message: '$property must be 1–64 letters, digits, "-" or "_"' })
  childId?: string;

  @ChildRefField({ description: "The authority's own child reference (903 CHILD)", example: 'LA-000123' })
  childRef!: string;

  @TextField({ description: 'Display name (never shown to reporting jobs)', example: 'Sam Taylor' })
  name!: string;

  @DateField({ description: 'Date of birth', example: '2019-06-14' })
  dateOfBirth!: string;

  @OneOfField(['1', '2'], { description: "903 SEX: '1' male, '2' female", example: '2' })
  sex!: '1' | '2';

  @CodeField('ETHNIC', { description: '903 ETHNIC', example: 'WBRI' })
  ethnicity!: string;

  @TextField({ description: 'Unique pupil number (13 characters) or UN1–UN5', example: 'A123456789012' }, 13)
  @Matches(/^([A-Z][0-9]{11}[0-9A-Z]|UN[1-5])$/, {
    message: '$property must be a 13-character UPN or UN1–UN5',
  })
  upn!: string;

  @PostcodeField({ description: 'Home postcode (district at least)', example: 'LS6 2AB', optional: true })
  homePostcode?: string;

  @BooleanField({ description: 'Unaccompanied asylum-seeking child', example: false })
  uasc!: boolean;

  @BooleanField({ description: 'Relinquished at birth', example: false })
  relinquishedAtBirth!: boolean;

  @TextField({
    description:
      "Allocated team: one of the authority's teams (authority setting `teams`), matched ignoring case and spacing, stored as configured (400 knownTeam otherwise)",
    example: 'Children in Care North',
  })
  team!: string;

  @TextField({
    description:
      'Allocated social worker: the user id of a social_worker user (CARE_JOURNEY_USERS), matched ignoring case (400 knownSocialWorker otherwise)',
    example: 'sw.demo',
  })
  socialWorker!: string;
}
