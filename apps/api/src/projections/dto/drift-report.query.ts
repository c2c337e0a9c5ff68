import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { codesOf } from '@care-journey/journey';
import { AGE_BANDS, DRIFT_RULE_IDS, type AgeBand, type DriftRuleId } from '@care-journey/projections';
import { KnownAtQuery } from '../../audit/dto/query-fields';
import { MinPositionField, OptionalDateField, PageQuery } from './query-fields';

const LEGAL_STATUSES = codesOf('LS');

/** The drift report's filters, shared by the live report and the report as known at an instant. */
export class DriftFilterQuery extends PageQuery {
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
}

export class DriftReportQuery extends DriftFilterQuery {
  @OptionalDateField('The date the report is as at (default: today), YYYY-MM-DD')
  asAt?: string;

  @ApiPropertyOptional({
    description: "The issue's name for dueWithinDays (days); give one or the other",
    minimum: 0,
    maximum: 366,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  dueWithin?: number;

  @MinPositionField()
  minPosition?: string;
}

export class ChildFlagsQuery {
  @OptionalDateField(
    'The date the flags are as at (default: today, or the day of knownAt in England), YYYY-MM-DD',
  )
  asAt?: string;

  @KnownAtQuery(
    "Instant on the record's clock: the flags from only the entries recorded at or before it, replayed from the log (default: the read model, everything recorded). A bare date YYYY-MM-DD means the end of that day in England.",
  )
  knownAt?: string;

  @MinPositionField()
  minPosition?: string;
}
