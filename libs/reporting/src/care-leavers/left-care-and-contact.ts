import type { CalendarDate } from '@care-journey/journey';
import type { ChildRecord } from '../export903/child-record';

/** When care last ended and why (the 903 REC code), as the record holds it. */
export interface LeftCare {
  on: CalendarDate;
  reason?: string;
}

/** A recorded OC3 contact: its day and IN_TOUCH code (YES, NO, DIED, REFU, NREQ, RHOM). */
export interface LastContact {
  on: CalendarDate;
  inTouch: string;
}

/**
 * The last end of care on or before `asAt` (a list for an earlier day does not show a later one);
 * none while a period of care is open on `asAt`, so a young person looked after again is not shown
 * as having left on an earlier end.
 */
export function leftCareBy(child: ChildRecord, asAt: CalendarDate): LeftCare | undefined {
  if (child.periods.some((p) => p.start <= asAt && (p.end === undefined || p.end > asAt))) return undefined;
  const ended = child.periods.filter((p) => p.end !== undefined && p.end <= asAt);
  const last = ended[ended.length - 1];
  return last?.end === undefined ? undefined : { on: last.end, reason: last.reason };
}

/** The latest OC3 contact recorded for a day on or before `asAt`, whichever birthday it reports on. */
export function lastContactBy(child: ChildRecord, asAt: CalendarDate): LastContact | undefined {
  let latest: LastContact | undefined;
  for (const contact of child.careLeaverContacts)
    if (contact.effectiveDate <= asAt && (!latest || contact.effectiveDate >= latest.on))
      latest = { on: contact.effectiveDate, inTouch: contact.inTouch };
  return latest;
}
