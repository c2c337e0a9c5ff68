export * from './bundle-format';
export * from './audit-key';
export * from './export-bundle';
export * from './verify-bundle';
export * from './audit-key-ring';
