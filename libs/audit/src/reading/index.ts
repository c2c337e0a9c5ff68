export * from './read-stream';
