export * from './case-history-read';
