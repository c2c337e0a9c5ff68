/**
 * Commands that start or end an episode, for specs of the rules that guard them (supported
 * accommodation, withdrawn placement types, time limits): one child, recorded at `now`.
 */
import type {
  ChangeLegalStatus,
  ChangePlacement,
  EndPeriodOfCare,
  EndTemporaryPlacement,
  RecordReview,
  StartTemporaryPlacement,
} from '../commands';
import type { PlacementDetails } from '../events';
import { CHILD, meta } from './fixtures';

export interface EpisodeCommandDefaults {
  /** When the commands are recorded (default: fixtures' `meta`). */
  now?: string;
  /** The legal status a `legalStatus` change records (default C1). */
  legalStatus?: string;
  /** The reason an `endCare` records (default E5). */
  endReason?: string;
}

export function episodeCommands({
  now,
  legalStatus: status = 'C1',
  endReason = 'E5',
}: EpisodeCommandDefaults = {}) {
  const recorded = () => meta(now);
  return {
    move: (effectiveDate: string, placement: PlacementDetails, sameCarer = false): ChangePlacement => ({
      type: 'ChangePlacement',
      childId: CHILD,
      effectiveDate,
      placement,
      reasonForChange: sameCarer ? 'PLACE' : 'CARPL',
      sameCarer,
      ...recorded(),
    }),
    legalStatus: (effectiveDate: string): ChangeLegalStatus => ({
      type: 'ChangeLegalStatus',
      childId: CHILD,
      effectiveDate,
      legalStatus: status,
      ...recorded(),
    }),
    endCare: (effectiveDate: string): EndPeriodOfCare => ({
      type: 'EndPeriodOfCare',
      childId: CHILD,
      effectiveDate,
      reason: endReason,
      ...recorded(),
    }),
    review: (effectiveDate: string): RecordReview => ({
      type: 'RecordReview',
      childId: CHILD,
      effectiveDate,
      participation: 'PN1',
      ...recorded(),
    }),
    temporary: (effectiveDate: string): StartTemporaryPlacement => ({
      type: 'StartTemporaryPlacement',
      childId: CHILD,
      effectiveDate,
      placementType: 'T1',
      ...recorded(),
    }),
    back: (effectiveDate: string): EndTemporaryPlacement => ({
      type: 'EndTemporaryPlacement',
      childId: CHILD,
      effectiveDate,
      ...recorded(),
    }),
  };
}
