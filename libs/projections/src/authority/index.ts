// Authority-wide measures over the per-child journey summaries (counts, flows, mix, location, timeliness, spend).
export * from './authority-config';
export * from './authority-config-overrides';
export * from './placement-groups';
export * from './placement-details';
export * from './authority-child';
export * from './cost-tables';
export * from './month-range';
export * from './measure-dates';
export * from './targets';
export * from './measures-row';
export * from './monthly-series';
export * from './children-behind';
export * from './series-csv';
export * from './authority-measures';
export * from './measures/measure-window';
export * from './measures/looked-after';
export * from './measures/care-flows';
export * from './measures/placement-mix';
export * from './measures/placement-location';
export * from './measures/timeliness';
export * from './measures/placement-stability';
export * from './measures/placement-spend';
export * from './measures/mix-what-if';
export {
  locatePostcode,
  distanceMiles,
  milesBetween,
  normalisePostcode,
  type PostcodeLocation,
} from './postcodes/postcode-lookup';
export { POSTCODE_DATA_SOURCE } from './postcodes/postcode-centroids.data';
export * from './authority-config-env';
export * from './journey-read-models';
export * from './prepared-authority';
export * from './engine-read-models';
export * from './ons-code';
export * from './figure-paths';
