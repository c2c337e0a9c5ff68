// Public surface of @care-journey/reporting: the synthetic authority, 903 export and import.
export * from './synthetic';
export * from './export903';
export * from './import903';
export * from './feed';
export * from './care-leavers';
