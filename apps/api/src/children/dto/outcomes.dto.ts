import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { EffectiveDateDto } from './effective-date.dto';
import { BooleanField, CodeField } from './fields';

/**
 * 903 OC2 for the collection year ending `effectiveDate` (a 31 March). Which items the child's age
 * calls for (SDQ 4–16, convictions 10+, health check under 5) is a domain rule (422), not a shape.
 */
export class RecordAnnualHealthOutcomesDto extends EffectiveDateDto {
  @ApiPropertyOptional({
    description: 'Strengths and Difficulties Questionnaire total, 0–40',
    example: 14,
    minimum: 0,
    maximum: 40,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(40)
  sdqScore?: number;

  @CodeField('SDQ_REASON', {
    description: 'Why there is no SDQ score (instead of sdqScore)',
    example: 'SDQ2',
    optional: true,
  })
  sdqReason?: string;

  @BooleanField({
    description: 'Convicted, warned or reprimanded in the year (age 10+)',
    example: false,
    optional: true,
  })
  convicted?: boolean;

  @BooleanField({
    description: 'Development assessments up to date (under 5)',
    example: true,
    optional: true,
  })
  healthCheck?: boolean;

  @BooleanField({ description: 'Immunisations up to date', example: true })
  immunisations!: boolean;

  @BooleanField({ description: 'Teeth checked by a dentist in the year', example: true })
  teethCheck!: boolean;

  @BooleanField({ description: 'Annual health assessment up to date', example: true })
  healthAssessment!: boolean;

  @BooleanField({ description: 'Identified as having a substance misuse problem', example: false })
  substanceMisuse!: boolean;

  @BooleanField({
    description: 'Received an intervention for it (only with substance misuse)',
    example: true,
    optional: true,
  })
  interventionReceived?: boolean;

  @BooleanField({
    description: 'Offered an intervention and refused it (only when none was received)',
    example: false,
    optional: true,
  })
  interventionOffered?: boolean;
}

/** 903 OC3: the care leaver's situation around a 17th–21st birthday (`effectiveDate` = the contact). */
export class RecordCareLeaverContactDto extends EffectiveDateDto {
  @CodeField('IN_TOUCH', { description: 'Whether the authority is in touch (903 IN_TOUCH)', example: 'YES' })
  inTouch!: string;

  @CodeField('ACTIV', { description: 'Main activity (903 ACTIV), 0 when not known', example: 'F2' })
  activity!: string;

  @CodeField('ACCOM', {
    description: 'Accommodation and its suitability (903 ACCOM), 0 when not known',
    example: 'E1',
  })
  accommodation!: string;
}
