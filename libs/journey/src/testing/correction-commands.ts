/** Amend and retract commands for one child (fixtures' CHILD), recorded at fixtures' `meta`, for specs. */
import type { AmendEntry, RetractEntry } from '../commands';
import { CHILD, meta } from './fixtures';

export const amendEntry = (
  correctedEventId: string,
  amendedData: Record<string, unknown>,
  reason = 'Typed the wrong date',
): AmendEntry => ({ type: 'AmendEntry', childId: CHILD, correctedEventId, reason, amendedData, ...meta() });

export const retractEntry = (
  retractedEventId: string,
  reason = 'Recorded on the wrong child',
): RetractEntry => ({
  type: 'RetractEntry',
  childId: CHILD,
  retractedEventId,
  reason,
  ...meta(),
});
