import type { EventStore } from '@care-journey/event-store';
import type { AllocationNames } from '../../allocation/allocation-names';
import type { KnownAllocationNames } from '../../allocation/known-allocation-names';
import { Clock } from '../../../infrastructure/clock';
import type { JourneyRepository } from '../../recording/journey.repository';
import { AmendedChildRefReservation } from '../amended-child-ref.reservation';
import { AmendedUpnReservation } from '../amended-upn.reservation';
import { AmendmentHolds } from '../amendment-holds';
import { AmendmentPreconditions } from '../amendment-preconditions';
import { BeforeAppend } from '../before-append';
import { KeptFoldAttempt } from '../kept-fold.attempt';
import { ReadDecideAppend } from '../read-decide-append';
import { RecordJourneyHandler } from '../record-journey.handler';
import { SchemaWriteGate } from '../schema-write.gate';

/** What a spec (or the bench) may give the handler; each part left out is the safe default below. */
export interface HandlerParts {
  /** Default: none, so an amendment of the 903 reference is refused rather than recorded unreserved. */
  childRefs: AmendedChildRefReservation;
  /** Default: none, so an amendment of the UPN is refused rather than recorded unreserved. */
  upns: AmendedUpnReservation;
  /** Default: no team or social worker, so an amendment naming one is refused rather than unchecked. */
  allocationNames: Pick<AllocationNames, 'known'>;
  /** Default: the wall clock. */
  clock: Clock;
  /** Default: writes `current` (nothing held). */
  schemaWrites: SchemaWriteGate;
}

const NONE_KNOWN: KnownAllocationNames = { teams: [], socialWorkers: [] };

/** A gate set to `current` never reads the log, so it is given none. */
const CURRENT_WRITES = (): SchemaWriteGate =>
  new SchemaWriteGate(undefined as unknown as EventStore, { schemaWrites: 'current' });

/** The handler wired as ChildrenModule wires it, outside Nest, on `journeys`. */
export function recordJourneyHandler(
  journeys: JourneyRepository,
  parts: Partial<HandlerParts> = {},
): RecordJourneyHandler {
  // Only `known` is ever called; AllocationNames' private fields are why a stand-in needs the cast.
  const names = (parts.allocationNames ?? { known: () => NONE_KNOWN }) as AllocationNames;
  const amendments = new AmendmentPreconditions(names);
  const beforeAppend = new BeforeAppend(
    parts.schemaWrites ?? CURRENT_WRITES(),
    new AmendmentHolds(
      parts.childRefs ?? AmendedChildRefReservation.unavailable(),
      parts.upns ?? AmendedUpnReservation.unavailable(),
    ),
  );
  return new RecordJourneyHandler(
    journeys,
    new KeptFoldAttempt(journeys, amendments, beforeAppend),
    new ReadDecideAppend(journeys, amendments, beforeAppend, parts.clock ?? new Clock()),
  );
}
