/**
 * Who may sign in and with what: roles, tokens (claims, minting), password hashes, sign-in names and
 * a users-file entry's teams. Shared by the API (which verifies) and the command line (which mints
 * tokens and writes users-file entries), so neither app imports the other's files.
 */
export * from './role';
export * from './jwt-settings';
export * from './mint-token';
export * from './password-hash';
export * from './username';
export * from './users-file-teams';
export * from './environment-kind';
