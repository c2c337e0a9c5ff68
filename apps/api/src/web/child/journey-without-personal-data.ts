import type { StoredJourneyEvent } from '@care-journey/journey';
import type { ChildJourney } from './child-journey';
import { changesWithoutPersonalData } from './correction-changes';

/** What the raw event feed (/events) shows a reporting job in place of a correction's reason. */
export const WITHHELD = '[withheld]';

/** A going-home audit's findings and next step are free text about the child and family. */
function withoutFreeText(entry: StoredJourneyEvent): StoredJourneyEvent {
  if (entry.type !== 'GoingHomeAuditCompleted') return entry;
  return { ...entry, data: { ...entry.data, outcome: WITHHELD, nextAction: WITHHELD } };
}

/**
 * The child's journey for a role without personal data (reporting_job): no name or date of birth,
 * and free text withheld: the corrections' reasons, the values a correction changed (but dates), and
 * a going-home audit's findings and next step. Free text may name people; /events withholds correction reasons from the same role, so
 * the page must not show them either.
 */
export function journeyWithoutPersonalData(journey: ChildJourney): ChildJourney {
  return {
    ...journey,
    summary: { ...journey.summary, name: '', dateOfBirth: undefined },
    notYetRegistered: journey.notYetRegistered && {
      ...journey.notYetRegistered,
      name: '',
      dateOfBirth: undefined,
    },
    entries: journey.entries.map(withoutFreeText),
    withdrawn: journey.withdrawn.map((w) => ({ ...w, entry: withoutFreeText(w.entry), reason: WITHHELD })),
    corrections: new Map(
      [...journey.corrections].map(([entryId, links]) => [
        entryId,
        links.map((link) => ({
          ...link,
          reason: WITHHELD,
          ...(link.changes && { changes: changesWithoutPersonalData(link.changes, WITHHELD) }),
        })),
      ]),
    ),
  };
}
