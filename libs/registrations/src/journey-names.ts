/**
 * What one journey has said about its 903 reference and UPN, folded from its events in order:
 * the values its registration carries now, and every value it has ever carried (at the
 * registration, or by an amendment of it). Shared by verify-store's cross-check
 * (registry-cross-check.ts) and the registries' releases of a hold never carried
 * (journey-carried.ts), so "carried" means one thing.
 */
import { normaliseChildRef } from '@care-journey/journey';
import type { RecordedEvent } from '@care-journey/event-store';
import { isUnknownUpn, normaliseUpn } from './upn-normalise';

export interface JourneyNames {
  registrationId?: string;
  registeredAt?: bigint;
  /** Current (normalised) values; undefined when none or retracted. */
  childRef?: string;
  upn?: string;
  /** Every value the registration has carried, normalised (real UPNs only). */
  childRefs: Set<string>;
  upns: Set<string>;
}

export const noJourneyNames = (): JourneyNames => ({ childRefs: new Set(), upns: new Set() });

/** Folds one event of the journey's stream, in stream order, into `names`. */
export function seeJourneyEvent(names: JourneyNames, event: RecordedEvent): void {
  const data = event.data as Record<string, unknown>;
  if (event.type === 'ChildRegistered' && names.registrationId === undefined) {
    names.registrationId = event.id;
    names.registeredAt = event.globalPosition;
    names.childRef = carryChildRef(names, data['childRef']);
    names.upn = carryUpn(names, data['upn']);
  } else if (event.type === 'EntryAmended' && data['correctedEventId'] === names.registrationId) {
    const amended = (data['amendedData'] ?? {}) as Record<string, unknown>;
    if ('childRef' in amended) names.childRef = carryChildRef(names, amended['childRef']);
    if ('upn' in amended) names.upn = carryUpn(names, amended['upn']);
  } else if (event.type === 'RegistrationRetracted' && data['retractedEventId'] === names.registrationId) {
    names.childRef = undefined;
    names.upn = undefined;
  }
}

function carryChildRef(names: JourneyNames, childRef: unknown): string | undefined {
  if (typeof childRef !== 'string') return undefined;
  const ref = normaliseChildRef(childRef);
  names.childRefs.add(ref);
  return ref;
}

/** A real UPN the registration carries, normalised; undefined for none or an unknown-UPN code. */
function carryUpn(names: JourneyNames, upn: unknown): string | undefined {
  if (typeof upn !== 'string' || isUnknownUpn(upn)) return undefined;
  const normalised = normaliseUpn(upn);
  names.upns.add(normalised);
  return normalised;
}
