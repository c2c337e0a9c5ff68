export * from './case-history-read';
export * from './record-read';
