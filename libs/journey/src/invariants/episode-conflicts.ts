/**
 * Two journey shapes with no valid 903 return, found in a whole journey rather than on one entry:
 * care starting again on the day it ended (rules 431/388) and a legal status change inside a
 * temporary placement (380/383). Replaying a corrected journey finds them too, but only as an
 * entry's first failure: an entry that already broke another rule (old or imported data) hides
 * them, so a correction also compares these directly, before and after.
 */
import type { DomainRuleViolation } from '../errors';
import type { JourneyState } from '../state';
import { sameDayReentry } from './period-of-care';
import { legalStatusChangeInStay, stayHolding } from './temporary-placement';

/** Each entry of the journey that makes one of these shapes, by event id, with its refusal. */
export function episodeConflicts(state: JourneyState): Map<string, DomainRuleViolation> {
  const conflicts = new Map<string, DomainRuleViolation>();
  const periods = state.periodsOfCare;
  for (let i = 1; i < periods.length; i++) {
    const endedOn = periods[i - 1].endDate;
    if (endedOn !== undefined && periods[i].startDate === endedOn)
      conflicts.set(periods[i].startEventId, sameDayReentry(endedOn));
  }
  // A period's first legal status comes with its start of care, never inside a stay.
  const starts = new Set(periods.map((period) => period.startEventId));
  for (const spell of state.legalStatuses) {
    if (starts.has(spell.eventId)) continue;
    const stay = stayHolding(state, spell.startDate);
    if (stay) conflicts.set(spell.eventId, legalStatusChangeInStay(stay));
  }
  return conflicts;
}
