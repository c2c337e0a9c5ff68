import { ApiPropertyOptional } from '@nestjs/swagger';
import { buildMessage, IsOptional, IsString, ValidateBy } from 'class-validator';
import { isKnownAtValue, KNOWN_AT_RULE } from '@care-journey/audit';
import { IsInSupportedYears } from '../../http/supported-dates';
import { DriftFilterQuery } from '../../projections/dto/drift-report.query';
import { DateQuery, ReasonQuery } from './query-fields';

/** The authority drift report as known at an instant: the live report's filters, plus knownAt and a reason. */
export class AuthorityDriftQuery extends DriftFilterQuery {
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

  @ReasonQuery()
  reason?: string;
}
