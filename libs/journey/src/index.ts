// Public surface of the pure domain (@care-journey/journey).
export * from './events';
export * from './calendar-date';
export * from './commands';
export * from './code-lists';
export * from './code-groups';
