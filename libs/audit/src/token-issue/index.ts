export * from './token-issued';
export * from './signed-in';
export * from './read-issued-tokens';
