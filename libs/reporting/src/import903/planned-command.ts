/**
 * A domain command the import will run, before the recording details are added, with the 903 fact
 * it comes from: `key` names that fact (not the file or line), so the same episode read from two
 * years' returns, or from a re-run, gives the same event ids.
 */
import type { JourneyCommand, PlacementDetails } from '@care-journey/journey';
import type { EpisodeFact } from './facts';
import type { SourceRef } from './issues';

type WithoutRecording<C> = C extends unknown ? Omit<C, 'now' | 'recordedBy'> : never;
/** Corrections are never imported: every import command is a dated entry. */
export type DraftCommand = WithoutRecording<
  Exclude<JourneyCommand, { type: 'AmendEntry' | 'RetractEntry' | 'RetractRegistration' }>
>;

export interface PlannedCommand {
  draft: DraftCommand;
  key: string;
  src: SourceRef;
  /** The source column holding the command's date, for the report. */
  column: string;
  /** Order of commands on the same day (start of care first, end of care last). */
  phase: number;
}

export const PHASE = {
  register: 0,
  startCare: 10,
  consent: 20,
  decision: 21,
  legalStatus: 22,
  match: 23,
  endTemporary: 30,
  placement: 31,
  review: 40,
  missing: 42,
  outcomes: 45,
  reversal: 50,
  endCare: 60,
} as const;

export function placementOf(e: EpisodeFact): PlacementDetails {
  return {
    placementType: e.place,
    ...(e.provider !== undefined && { provider: e.provider }),
    ...(e.placementPostcode !== undefined && { postcode: e.placementPostcode }),
    ...(e.urn !== undefined && { urn: e.urn }),
  };
}

export const samePlacement = (a: PlacementDetails, b: PlacementDetails): boolean =>
  a.placementType === b.placementType &&
  a.provider === b.provider &&
  a.postcode === b.postcode &&
  a.urn === b.urn;

/** Stable: commands of one day keep their planned order within a phase. */
export const byDateThenPhase = (a: PlannedCommand, b: PlannedCommand): number => {
  const da = a.draft.effectiveDate;
  const db = b.draft.effectiveDate;
  return da < db ? -1 : da > db ? 1 : a.phase - b.phase;
};
