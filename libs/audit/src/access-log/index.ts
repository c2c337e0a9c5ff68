export * from './case-history-read';
export * from './record-read';
export * from './list-read';
export * from './search-term';
export * from './child-trail';
