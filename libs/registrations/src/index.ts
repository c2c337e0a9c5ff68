/**
 * Public surface of @care-journey/registrations: what every writer that registers children (the
 * API, the seeder, the 903 import) checks and reserves before a registration is written, so one
 * 903 reference and one real UPN belong to one child whoever writes. A write-side invariant, kept
 * out of libs/reporting (dev review F7); the reservations are streams beside the journeys, not
 * journey events (docs/CONTRIBUTING.md, "One write path").
 */
// One 903 CHILD reference per child.
export {
  ChildRefRegistry,
  type ChildRefRelease,
  type ClaimingWriter,
  type ReservationClaim,
  type ReservationRecording,
} from './child-ref-registry';
export {
  ChildRefReleaseRefused,
  RegistryReleaseRefused,
  UpnReleaseRefused,
  type ReleaseProblem,
} from './child-ref-registry-errors';
export type { MigrationOutcome } from './child-ref-registry-legacy';
// One real UPN per child (903 rule 444).
export {
  isUnknownUpn,
  normaliseUpn,
  upnStream,
  UPN_RELEASED,
  UPN_STREAM_PREFIX,
  UpnRegistry,
  type UpnClaim,
  type UpnClaimed,
  type UpnRecording,
  type UpnRelease,
} from './upn-registry';
// Both registries checked against the journeys (audit verify-store, review s18-es F4).
export { RegistryCrossCheck, type RegistryMismatch } from './registry-cross-check';
// Name-based (v5) uuids: the reservations' event ids, the seeder's and importer's ids, and the
// API's ids for keyed commands.
export { nameBasedUuid } from './deterministic-id';
