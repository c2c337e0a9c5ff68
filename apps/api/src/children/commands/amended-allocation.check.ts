import { amendableEntryType, type JourneyCommand, type JourneyState } from '@care-journey/journey';
import {
  knownAllocation,
  type KnownAllocationNames,
  type SentAllocationNames,
} from '../allocation/known-allocation-names';

/** The entries that record a team and a social worker. */
const ALLOCATING_ENTRIES: ReadonlySet<string> = new Set(['ChildRegistered', 'AllocationChanged']);

/**
 * An amendment of a registration or an allocation names a configured team and a social worker who
 * can sign in, as a new allocation does (the same check, 400 on `amendedData.team` /
 * `amendedData.socialWorker`), and records them spelt as configured. Only the names it gives are
 * checked, so an entry stored with a name no longer known can still have its date corrected.
 * Which entry is corrected is known only once the journey is read, so this runs before deciding,
 * after the entry's own field rules (amended-data.check.ts) have passed.
 */
export function withKnownAmendedNames(
  command: JourneyCommand,
  state: JourneyState,
  /** Read only when the amendment corrects a registration or an allocation. */
  known: () => KnownAllocationNames,
): JourneyCommand {
  if (command.type !== 'AmendEntry') return command;
  const { amendedData, correctedEventId } = command;
  if (amendedData === null || typeof amendedData !== 'object' || Array.isArray(amendedData)) return command;
  const entryType = amendableEntryType(state, correctedEventId);
  if (!entryType || !ALLOCATING_ENTRIES.has(entryType)) return command;
  const names = knownAllocation(known(), amendedData as SentAllocationNames, 'amendedData');
  return { ...command, amendedData: names as typeof amendedData };
}
