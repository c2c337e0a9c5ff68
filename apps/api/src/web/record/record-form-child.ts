import { NotFoundException } from '@nestjs/common';
import type { StoredJourneyEvent } from '@care-journey/journey';
import type { JourneyQueries } from '../../projections/journey-queries';
import { correctableEntry, type CorrectableEntry } from './correction-target';
import { formRevision } from './form-revision';

/** The child a record form is about, as its pages show it. */
export interface FormChild {
  childLabel: string;
  childRef: string;
  revision: string;
  events: readonly StoredJourneyEvent[];
}

/**
 * The label from the read models and the revision from the child's stream; a child that does not
 * exist is a 404 before any form. The child's page reads the stream, so its links can lead here
 * before the read models hold a child recorded a moment ago (a 404 under load: CI, session 14):
 * the form first waits for them to reach the stream's last event, as a page does after a form
 * (read-your-writes, bounded, else 503).
 */
export async function formChild(queries: JourneyQueries, childId: string): Promise<FormChild> {
  const events = await queries.events(childId);
  const last = events?.at(-1)?.globalPosition;
  if (last !== undefined) await queries.waitFor(last.toString());
  const summary = queries.summary(childId);
  if (!summary || !events) throw new NotFoundException(`No child with id ${childId}`);
  // Social workers may see names.
  const childLabel = summary.name ? `${summary.name} (${summary.childRef})` : summary.childRef;
  return { childLabel, childRef: summary.childRef, revision: String(events.length - 1), events };
}

/**
 * A sent correction's entry as it stood when the form was opened (so a repeat of the form is the
 * same command), else as it stands now (the form is stale and will be refused as such).
 */
export function entryOfSentForm(
  events: readonly StoredJourneyEvent[],
  entryId: unknown,
  revision: unknown,
): CorrectableEntry | undefined {
  const opened = formRevision(revision).revision;
  return (
    (opened >= 0n ? correctableEntry(events, entryId, opened) : undefined) ??
    correctableEntry(events, entryId)
  );
}

/** A record form shown for a child (first render or refilled after a refusal), as the trail records it. */
export const formRead = (childId: string, form: string, entryId: string | undefined) =>
  ({ childId, view: 'form', query: { form, ...(entryId !== undefined && { entry: entryId }) } }) as const;
