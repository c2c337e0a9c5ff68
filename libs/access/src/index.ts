/**
 * Who may sign in and with what: roles, tokens (claims, minting, the secret), password hashes,
 * sign-in names, the users file (with an entry's teams) and the revoked-tokens file. Shared by the
 * API (which verifies) and the command line (which mints tokens, writes users-file entries and
 * revokes tokens), so neither app imports the other's files.
 */
export * from './role';
export * from './jwt-settings';
export * from './mint-token';
export * from './password-hash';
export * from './username';
export * from './users-file-teams';
export * from './jwt-secret';
export * from './jwt-key-id';
export * from './users-file';
export * from './revocation/revocation-list';
export * from './revocation/revoked-tokens-file';
export * from './revocation/write-revocation';
export * from './environment-kind';
export * from './token-acceptance';
