export * from './authority-options';
export { generateAuthority } from './generate-authority';
export { SYNTHETIC_TEAMS } from './teams';
export { generateChild, syntheticChildId, syntheticEventId, type SyntheticChild } from './generate-child';
export { runJourney, RejectedCommand, type RunResult } from './journey-runner';
export { seedStore, type SeedProgress, type SeedResult } from './seed-store';
export { KNOWN_POSTCODES, type KnownPostcode } from './postcodes';
export { seededRandom, type Random } from './prng';
