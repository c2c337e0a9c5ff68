export * from './read-model-config';
export * from './read-model-store';
export * from './projector';
export * from './rebuild';
export * from './rebuild-record';
export * from './running-rebuild';
export * from './projection-engine';
