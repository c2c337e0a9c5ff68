import { TextField } from '../children/dto/fields';

/** Which UPN an admin releases, and why. In the body, not the path: a UPN is personal data, and URLs are logged by proxies. */
export class ReleaseUpnDto {
  @TextField(
    {
      description:
        'The UPN (13 characters, compared ignoring case), or its stream upn-<40 hex digits> as `audit verify-store` names it',
      example: 'upn-3f0c9a4e5d6b4c1e9a610b2f1c7d8e90aabbccdd',
    },
    44,
  )
  upn!: string;

  @TextField(
    {
      description: 'Why the UPN is released (kept in its stream with who released it and when)',
      example:
        'Amendment crashed after reserving on 2025-01-10; confirmed with the team, the child keeps its UPN',
    },
    500,
    'multi',
  )
  reason!: string;
}
