export * from './journey-summary';
export * from './build-summary';
export * from './summary-as-at';
export * from './queries';
