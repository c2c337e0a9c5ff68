import { TextField } from '../children/dto/fields';

/** Why a 903 reference is released: kept in the reference's stream for auditors. */
export class ReleaseChildRefDto {
  @TextField(
    {
      description: 'Why the reference is released (kept in its stream with who released it and when)',
      example: 'Registration abandoned after a crash on 2025-01-10; confirmed with the team, no child exists',
    },
    500,
    'multi',
  )
  reason!: string;
}
