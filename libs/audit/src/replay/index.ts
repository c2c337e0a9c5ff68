export * from './replay-point';
export * from './replay-history';
export * from './correction-links';
export * from './leaf-changes';
export * from './chronology';
export * from './diff-history';
export * from './stored-event';
