/**
 * The leaving care team's worklist (review s17 F4): every care leaver in the authority with a 903
 * OC3 contact due and not yet recorded, by the domain's own rule (careLeaverContactsDue, the one the
 * child's page offers the contact form by). Read from the same child records as the 903 export.
 */
import { addMonths, careLeaverContactsDue, CARE_LEAVER_CONTACT_WINDOW_MONTHS } from '@care-journey/journey';
import type { CalendarDate } from '@care-journey/journey';
import type { ChildRecord } from '../export903/child-record';
import { careHistoryOf } from '../export903/outcomes';

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
}

/** Each contact due on `today`, soonest last day first (missed ones first of all). */
export function careLeaverContactsDueOn(
  children: readonly ChildRecord[],
  today: CalendarDate,
): CareLeaverContactDue[] {
  const rows: CareLeaverContactDue[] = [];
  for (const child of children) {
    const contactDates = child.careLeaverContacts.map((c) => c.effectiveDate);
    for (const birthday of careLeaverContactsDue(careHistoryOf(child), contactDates, today)) {
      const lastDay = addMonths(birthday.date, CARE_LEAVER_CONTACT_WINDOW_MONTHS);
      rows.push({
        childId: child.childId,
        childRef: child.registration.childRef,
        dateOfBirth: child.registration.dateOfBirth,
        age: birthday.age,
        birthday: birthday.date,
        lastDay,
        status: lastDay < today ? 'missed' : 'due',
      });
    }
  }
  return rows.sort((a, b) =>
    a.lastDay === b.lastDay ? (a.childRef < b.childRef ? -1 : 1) : a.lastDay < b.lastDay ? -1 : 1,
  );
}
