export * from './read-model-config';
export * from './read-model-store';
export * from './projector';
export * from './rebuild';
export * from './projection-engine';
