/**
 * Test helper: a child's feed as the engine writes it (read-model-store applyToChild), event by
 * event, with the view after each event (its `held` included).
 */
import { isCorrection, type StoredJourneyEvent } from '@care-journey/journey';
import { PerEventFold } from '../engine/per-event-fold';
import { DEFAULT_DRIFT_CONFIG } from '../rules/drift-config';
import { emptySummary } from '../summary/journey-summary';
import type { JourneyBuilder } from '../testing/journey-builder';
import type { ChangeRecord, ChildView } from './change-record';
import { childView, ViewParts } from './child-view';
import { diffViews } from './diff-views';
import { clockAfter } from './feed-clock';
import { FlagTracker } from './flag-tracker';

export interface FedEvent {
  event: StoredJourneyEvent;
  changes: ChangeRecord[];
  view: ChildView;
}

export function feedEvents(b: JourneyBuilder): FedEvent[] {
  const fold = new PerEventFold(b.childId, [], emptySummary(b.childId));
  const flags = new FlagTracker(DEFAULT_DRIFT_CONFIG);
  const parts = new ViewParts();
  let clock: string | undefined;
  let view: ChildView | undefined;
  return b.events.map((event) => {
    clock = clockAfter(clock, event);
    const summary = fold.next(event);
    flags.changed(fold.changed, summary, fold.latestDate, fold.changedFrom);
    parts.changed(fold.changed);
    const next = childView(summary, clock, DEFAULT_DRIFT_CONFIG, flags, parts);
    const cause = {
      correction: isCorrection(event),
      effectiveDate: event.data.effectiveDate,
      summary,
      config: DEFAULT_DRIFT_CONFIG,
    };
    const changes = diffViews(b.childId, view, next, cause);
    view = next;
    return { event, changes, view: next };
  });
}

/** The last event written, recorded on another day than its effective date. */
export function recordedOn(b: JourneyBuilder, date: string): JourneyBuilder {
  (b.events.at(-1) as { recordedAt: string }).recordedAt = `${date}T12:00:00Z`;
  return b;
}

/** Amends the entry `target` to the effective date `date` (a correction), recorded on `on`. */
export function amendedTo(
  b: JourneyBuilder,
  target: StoredJourneyEvent,
  date: string,
  on: string,
): JourneyBuilder {
  b.add('EntryAmended', {
    effectiveDate: date,
    correctedEventId: target.id,
    reason: 'date typo',
    amendedData: { ...target.data, effectiveDate: date },
  });
  return recordedOn(b, on);
}

/** One line per record: kind, withdrawn kind, key and the fields that tell flags apart. */
export const line = (c: ChangeRecord): string =>
  [c.kind, c.withdrawn, c.key, ...['dueDate', 'openedOn', 'closedOn', 'reason', 'date'].map((k) => c.data[k])]
    .filter((part) => part !== undefined)
    .join(' ');
