export * from './drift-config';
export * from './drift-rule';
export * from './rule-registry';
export * from './evaluate-drift';
export * from './drift-report';
export * from './team-key';
