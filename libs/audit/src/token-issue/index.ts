export * from './token-issued';
