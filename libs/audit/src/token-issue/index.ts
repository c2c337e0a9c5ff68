export * from './token-issued';
export * from './signed-in';
export * from './read-issued-tokens';
export * from './session-ended';
export * from './read-session-ends';
