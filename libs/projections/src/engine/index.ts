export * from './read-model-config';
export * from './read-model-store';
export * from './projector';
export * from './rebuild';
export * from './projection-engine';
// The change feed is written by this engine; its pure half (views, diffs, pages) goes with it.
export * from '../feed';
