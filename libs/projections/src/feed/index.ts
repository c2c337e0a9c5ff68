export * from './change-record';
export * from './feed-checkpoint';
export * from './feed-clock';
export * from './child-view';
export * from './diff-views';
export * from './feed-page';
export * from './feed-content';
