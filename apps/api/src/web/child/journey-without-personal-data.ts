import type { ChildJourney } from './child-journey';

/** What the raw event feed (/events) shows a reporting job in place of a correction's reason. */
export const WITHHELD = '[withheld]';

/**
 * The child's journey for a role without personal data (reporting_job): no name or date of birth,
 * and the corrections' reasons withheld. A reason is free text that may name people; /events
 * withholds it from the same role, so the page must not show it either.
 */
export function journeyWithoutPersonalData(journey: ChildJourney): ChildJourney {
  return {
    ...journey,
    summary: { ...journey.summary, name: '', dateOfBirth: undefined },
    corrections: new Map(
      [...journey.corrections].map(([entryId, links]) => [
        entryId,
        links.map((link) => ({ ...link, reason: WITHHELD })),
      ]),
    ),
  };
}
