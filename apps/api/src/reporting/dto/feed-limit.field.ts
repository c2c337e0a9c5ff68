import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_FEED_PAGE = 10_000;
export const DEFAULT_FEED_PAGE = 1000;

/** `limit` of an NDJSON feed page (/events, /feed): 1–MAX_FEED_PAGE lines, 1000 by default. */
export const FeedLimitField = (what: string) =>
  applyDecorators(
    // `type` given: without it the swagger plugin read @Type(() => Number)'s target and typed the
    // parameter as an object (review s14 F9).
    ApiPropertyOptional({
      type: 'integer',
      description: `${what} per page, 1–${MAX_FEED_PAGE}`,
      default: DEFAULT_FEED_PAGE,
      minimum: 1,
      maximum: MAX_FEED_PAGE,
    }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(MAX_FEED_PAGE),
  );
