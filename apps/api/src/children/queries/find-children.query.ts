import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MinPositionField, PageQuery } from '../../projections/dto/query-fields';

/** Longest search text: a full name, with room to spare. */
export const MAX_SEARCH_LENGTH = 100;

/** `GET /children?q=&page=&pageSize=&minPosition=` */
export class FindChildrenQuery extends PageQuery {
  @ApiPropertyOptional({
    description:
      'Part of a name (each word starts a word of the name: "sam tay" finds Sam Taylor) or of the 903 child reference (ignoring case). Omitted: every child',
    example: 'sam tay',
    maxLength: MAX_SEARCH_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SEARCH_LENGTH)
  q?: string;

  @MinPositionField()
  minPosition?: string;
}
