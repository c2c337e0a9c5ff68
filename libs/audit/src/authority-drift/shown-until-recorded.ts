/**
 * A step taken in time but recorded after its due date (review s16-ofsted F2): the obligation was
 * never breached, so the flag history has no entry for it, yet every report run between the due date
 * and the day the step was recorded showed the flag as overdue. These spells are the trace an
 * inspector can find: "shown overdue from 17 October to 28 November 2026; review held in time (10
 * October) but recorded 28 November". The flag showed from the day after the due date, or from the
 * day its last basis entry was recorded if that came later (before then no report could show it),
 * to the day the step was recorded (docs/drift-rules.md, "A step held in time but recorded late").
 * A step first recorded with a late date and moved into time by a correction is traced the same way:
 * the flag showed open until the step was recorded, then as a breach in the flag history until the
 * correction was recorded (`correctedIntoTime`); after it, the history has no breach.
 */
import { addDays, dateInEngland, type CalendarDate, type StoredJourneyEvent } from '@care-journey/journey';
import {
  obligationsAsAt,
  type DriftConfig,
  type DriftRuleId,
  type JourneySummary,
} from '@care-journey/projections';

export interface ShownUntilRecorded {
  ruleId: DriftRuleId;
  title: string;
  key: string;
  dueDate: CalendarDate;
  /** The day the step was taken (on or before the due date). */
  metOn: CalendarDate;
  closingEventId: string;
  /** The first day a report could show the flag overdue. */
  shownFrom: CalendarDate;
  /** The day (in England) the step was recorded: the flag showed until then. */
  recordedOn: CalendarDate;
  /**
   * The step was first recorded with a date after its due date (`firstDate`), and a correction moved
   * it into time: that correction and the day it was recorded. From `recordedOn` until then the flag
   * history showed a breach.
   */
  correctedIntoTime?: {
    eventId: string;
    recordedOn: CalendarDate;
    firstDate: CalendarDate;
    /**
     * The flag was never shown open: the entry its due date rests on was recorded after the late step
     * (`shownFrom` on or after `recordedOn`), so from `shownFrom` it showed as a breach only, until the
     * correction (review s17 diff F4). Absent otherwise.
     */
    breachOnly?: true;
  };
}

/**
 * The correction that moved a step first recorded late into time (the last amendment to take its date
 * from after the due date to on or before it), among the entries given, in their recording order.
 */
function correctionIntoTime(
  step: StoredJourneyEvent,
  dueDate: CalendarDate,
  byId: ReadonlyMap<string, StoredJourneyEvent>,
): ShownUntilRecorded['correctedIntoTime'] {
  const firstDate = step.data.effectiveDate;
  if (firstDate <= dueDate) return undefined;
  let date = firstDate;
  let moved: StoredJourneyEvent | undefined;
  for (const entry of byId.values()) {
    if (entry.type !== 'EntryAmended' || entry.data.correctedEventId !== step.id) continue;
    if (date > dueDate && entry.data.effectiveDate <= dueDate) moved = entry;
    date = entry.data.effectiveDate;
  }
  return moved && { eventId: moved.id, recordedOn: dateInEngland(moved.recordedAt), firstDate };
}

export function shownUntilRecorded(
  summary: JourneySummary,
  asAt: CalendarDate,
  config: DriftConfig,
  byId: ReadonlyMap<string, StoredJourneyEvent>,
): ShownUntilRecorded[] {
  const found: ShownUntilRecorded[] = [];
  for (const { rule, obligations } of obligationsAsAt(summary, asAt, config)) {
    for (const o of obligations) {
      if (o.metOn === undefined || o.metOn > o.dueDate || o.closingEventId === undefined) continue;
      const closing = byId.get(o.closingEventId);
      if (closing === undefined) continue;
      const recordedOn = dateInEngland(closing.recordedAt);
      // Shown only from when the entries its due date rests on were known, and never after D.
      let shownFrom = addDays(o.dueDate, 1);
      for (const id of o.evidence) {
        const basis = byId.get(id);
        const known = basis && dateInEngland(basis.recordedAt);
        if (known !== undefined && known > shownFrom) shownFrom = known;
      }
      const corrected = correctionIntoTime(closing, o.dueDate, byId);
      if (shownFrom >= (corrected?.recordedOn ?? recordedOn) || shownFrom > asAt) continue;
      found.push({
        ruleId: rule.id,
        title: rule.title,
        key: o.key,
        dueDate: o.dueDate,
        metOn: o.metOn,
        closingEventId: o.closingEventId,
        shownFrom,
        recordedOn,
        ...(corrected && {
          correctedIntoTime:
            shownFrom >= recordedOn ? { ...corrected, breachOnly: true as const } : corrected,
        }),
      });
    }
  }
  return found.sort((a, b) => (a.shownFrom < b.shownFrom ? -1 : a.shownFrom > b.shownFrom ? 1 : 0));
}
