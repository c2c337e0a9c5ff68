import { Injectable } from '@nestjs/common';
import type { JourneyCommand, JourneyState } from '@care-journey/journey';
import { AllocationNames } from '../allocation/allocation-names';
import type { KnownAllocationNames } from '../allocation/known-allocation-names';
import { withKnownAmendedNames } from './amended-allocation.check';
import { checkAmendedData } from './amended-data.check';

/**
 * What an amendment must meet before it is decided, which only the journey read can tell (the
 * corrected entry's type): its data keeps that entry's own field rules (400, amended-data.check.ts)
 * and a corrected team or social worker is one configured (400 knownTeam / knownSocialWorker,
 * amended-allocation.check.ts). Any other command passes through as it is.
 */
@Injectable()
export class AmendmentPreconditions {
  /** Bound once: the names are read only for an amendment of a registration or an allocation. */
  private readonly knownNames: () => KnownAllocationNames;

  constructor(allocationNames: AllocationNames) {
    this.knownNames = () => allocationNames.known();
  }

  /** The command as it will be decided: an amendment's data checked, its allocation names as configured. */
  checked(command: JourneyCommand, state: JourneyState): JourneyCommand {
    checkAmendedData(command, state);
    return withKnownAmendedNames(command, state, this.knownNames);
  }
}
