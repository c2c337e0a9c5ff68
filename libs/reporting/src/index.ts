// Public surface of @care-journey/reporting: the synthetic authority, 903 export and import.
export * from './synthetic';
export * from './export903';
export * from './import903';
export * from './feed';
// Name-based (v5) uuids: the seeder's and importer's ids, and the API's ids for keyed commands.
export { nameBasedUuid } from './shared/deterministic-id';
// One 903 CHILD reference per child: reserved by every writer that registers children.
export {
  ChildRefRegistry,
  type ChildRefRelease,
  type ReservationRecording,
} from './shared/child-ref-registry';
export { ChildRefReleaseRefused, type ReleaseProblem } from './shared/child-ref-registry-errors';
export type { MigrationOutcome } from './shared/child-ref-registry-legacy';
// One real UPN per child (903 rule 444): checked and reserved by every writer that registers children.
export { UpnRegistry, type UpnClaim, type UpnRecording } from './shared/upn-registry';
