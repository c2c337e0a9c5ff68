import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  buildMessage,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { isKnownAtValue, KNOWN_AT_RULE } from '@care-journey/audit';
import { codesOf } from '@care-journey/journey';
import { AGE_BANDS, DRIFT_RULE_IDS, type AgeBand, type DriftRuleId } from '@care-journey/projections';
import { IsInSupportedYears } from '../../http/supported-dates';
import { PageQuery } from '../../projections/dto/query-fields';
import { DateQuery, ReasonQuery } from './query-fields';

const LEGAL_STATUSES = codesOf('LS');

/** The authority drift report as known at an instant: the live report's filters, plus knownAt and a reason. */
export class AuthorityDriftQuery extends PageQuery {
  @DateQuery('The date the report stands on (default: today in England)')
  asAt?: string;

  @ApiPropertyOptional({
    description:
      "Instant on the record's clock: only events recorded at or before it count (default: the end of asAt in England). A bare date YYYY-MM-DD means the end of that day in England.",
    example: '2025-04-01T09:00:00Z',
    type: String,
  })
  @IsOptional()
  @IsString()
  @ValidateBy({
    name: 'isInstantOrDate',
    validator: {
      validate: isKnownAtValue,
      defaultMessage: buildMessage((prefix) => `${prefix}$property ${KNOWN_AT_RULE}`),
    },
  })
  @IsInSupportedYears()
  knownAt?: string;

  @ApiPropertyOptional({ description: 'Rule id(s), comma-separated', example: 'DR01,DR05' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((id) => id.trim()) : value))
  @IsIn([...DRIFT_RULE_IDS], {
    each: true,
    message: `$property must be drift rule ids: ${DRIFT_RULE_IDS.join(', ')}`,
  })
  rule?: DriftRuleId[];

  @ApiPropertyOptional({ description: 'Allocated team as at the date' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  team?: string;

  @ApiPropertyOptional({ description: 'Allocated social worker (user id) as at the date' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  socialWorker?: string;

  @ApiPropertyOptional({ description: '903 legal status as at the date', enum: LEGAL_STATUSES })
  @IsOptional()
  @IsIn(LEGAL_STATUSES, { message: `$property must be a 903 LS code: ${LEGAL_STATUSES.join(', ')}` })
  legalStatus?: string;

  @ApiPropertyOptional({ description: 'DfE age band as at the date', enum: AGE_BANDS })
  @IsOptional()
  @IsIn([...AGE_BANDS], { message: `$property must be one of: ${AGE_BANDS.join(', ')}` })
  ageBand?: AgeBand;

  @ApiPropertyOptional({
    description: 'Early warnings for steps due within this many days (default: the configured 28)',
    minimum: 0,
    maximum: 366,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  dueWithinDays?: number;

  @ReasonQuery()
  reason?: string;
}
