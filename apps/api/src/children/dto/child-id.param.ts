import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ValidationShortcutOf } from '../../http/validation-shortcut';

export const CHILD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** `{ id }` and nothing else, a valid id: what the rules below accept (anything else gets them). */
function acceptedChildIdParam(value: unknown): ChildIdParam | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'id') return undefined;
  const { id } = value as { id: unknown };
  if (typeof id !== 'string' || !CHILD_ID_PATTERN.test(id)) return undefined;
  const param = new ChildIdParam();
  param.id = id;
  return param;
}

/** The `:id` path segment. */
@ValidationShortcutOf(acceptedChildIdParam)
export class ChildIdParam {
  @ApiProperty({
    description: 'Child id (as returned by POST /children)',
    example: '3f0c9a4e-5d6b-4c1e-9a61-0b2f1c7d8e90',
  })
  @Matches(CHILD_ID_PATTERN, { message: '$property must be 1–64 letters, digits, "-" or "_"' })
  id!: string;
}
