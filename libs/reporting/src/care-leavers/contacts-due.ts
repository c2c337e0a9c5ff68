/**
 * The leaving care team's worklist (review s17 F4): every care leaver in the authority with a 903
 * OC3 contact due and not yet recorded, by the domain's own rule (careLeaverContactsDue, the one the
 * child's page offers the contact form by). Read from the same child records as the 903 export.
 */
import {
  addMonths,
  careLeaverContactsDue,
  collectionYearStartOf,
  CARE_LEAVER_CONTACT_WINDOW_MONTHS,
} from '@care-journey/journey';
import type { CalendarDate } from '@care-journey/journey';
import type { ChildRecord } from '../export903/child-record';
import { careHistoryOf } from '../export903/outcomes';
import { lastContactBy, leftCareBy, type LastContact, type LeftCare } from './left-care-and-contact';

export interface CareLeaverContactDue {
  childId: string;
  childRef: string;
  dateOfBirth: CalendarDate;
  /** The birthday (17th–21st) the contact reports on. */
  age: number;
  birthday: CalendarDate;
  /** The last day a contact can report on that birthday (three months after it). */
  lastDay: CalendarDate;
  /** `missed`: that day has passed, the birthday's OC3 row stays blank; `due`: still open. */
  status: 'due' | 'missed';
  /** When care last ended by the list's day, and its REC reason: from the record already read. */
  leftCare?: LeftCare;
  /** The young person's latest OC3 contact by the list's day (any birthday's), if one is recorded. */
  lastContact?: LastContact;
}

/**
 * The earliest birthday a `missed` row is listed for on `today` (review s17 diff F2): 1 April of the
 * collection year that ended on the last 31 March before today. That year's 903 return is made after
 * it closes, so its blank OC3 rows can still be filled (a contact that happened, recorded late); the
 * current year's too. A birthday missed before that is in a return already made: listing it for ever
 * buried the actionable rows and printed adults long outside the service. `due` rows are always open.
 */
export function missedListedFrom(today: CalendarDate): CalendarDate {
  const year = Number(today.slice(0, 4));
  const lastYearEnd = today > `${year}-03-31` ? `${year}-03-31` : `${year - 1}-03-31`;
  return collectionYearStartOf(lastYearEnd);
}

/**
 * Each contact due on `today`, soonest last day first (missed ones first of all); a missed one only
 * for a birthday on or after `missedSince` (default missedListedFrom(today)).
 */
export function careLeaverContactsDueOn(
  children: readonly ChildRecord[],
  today: CalendarDate,
  missedSince: CalendarDate = missedListedFrom(today),
): CareLeaverContactDue[] {
  const rows: CareLeaverContactDue[] = [];
  for (const child of children) {
    const contactDates = child.careLeaverContacts.map((c) => c.effectiveDate);
    const leftCare = leftCareBy(child, today);
    const lastContact = lastContactBy(child, today);
    for (const birthday of careLeaverContactsDue(careHistoryOf(child), contactDates, today)) {
      const lastDay = addMonths(birthday.date, CARE_LEAVER_CONTACT_WINDOW_MONTHS);
      const missed = lastDay < today;
      if (missed && birthday.date < missedSince) continue;
      rows.push({
        childId: child.childId,
        childRef: child.registration.childRef,
        dateOfBirth: child.registration.dateOfBirth,
        age: birthday.age,
        birthday: birthday.date,
        lastDay,
        status: missed ? 'missed' : 'due',
        leftCare,
        lastContact,
      });
    }
  }
  return rows.sort((a, b) =>
    a.lastDay === b.lastDay ? (a.childRef < b.childRef ? -1 : 1) : a.lastDay < b.lastDay ? -1 : 1,
  );
}
