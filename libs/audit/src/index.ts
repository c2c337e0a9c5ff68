// Public surface of @care-journey/audit: hash chain, head anchors, replay, chronology, bundles, read-access trail, sealed files.
export * from './integrity';
export * from './bundle';
export * from './replay';
export * from './authority-drift';
export * from './access-log';
export * from './reading';
export * from './anchor';
export * from './store-check';
export * from './token-issue';
export * from './subject-access';
export * from './sealed-file';
