import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export const CHILD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The `:id` path segment. */
export class ChildIdParam {
  @ApiProperty({
    description: 'Child id (as returned by POST /children)',
    example: '3f0c9a4e-5d6b-4c1e-9a61-0b2f1c7d8e90',
  })
  @Matches(CHILD_ID_PATTERN, { message: '$property must be 1–64 letters, digits, "-" or "_"' })
  id!: string;
}
