export * from './measure-types';
export * from './mean-beside-threshold';
export * from './stability';
export * from './time-to-permanence';
export * from './scorecard-thresholds';
export * from './scorecard';
