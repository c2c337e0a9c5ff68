/** A command before it is given its recording details (`now`, `recordedBy`). */
import type { JourneyCommand } from '@care-journey/journey';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type DraftCommand = DistributiveOmit<JourneyCommand, 'now' | 'recordedBy'>;

/**
 * `structural` entries shape episodes (care, placements, legal status, adoption steps, missing):
 * the domain only accepts them in date order, so they are recorded promptly and in order.
 * Other entries (reviews, plans) may be recorded weeks late.
 */
export interface PlannedEntry {
  draft: DraftCommand;
  structural: boolean;
}

export const effectiveDateOf = (draft: DraftCommand): string =>
  'effectiveDate' in draft ? (draft.effectiveDate as string) : '';
