/**
 * The child's page's "Care leaver" line (review s17 F6): for a young person who has left care and is
 * one the 903 asks about at a 17th–21st birthday (a relevant or former relevant child, 903 rule 1001:
 * outcome-rules.ts), when care ended and why, and the next OC3 birthday with its contact. The shared
 * definitions do not tell relevant from former relevant apart (or define staying put), so the line
 * does not either. From the entries shown (after corrections, effective by the day shown).
 */
import {
  addMonths,
  birthdayAt,
  careLeaverBirthdayNear,
  CARE_LEAVER_AGES,
  CARE_LEAVER_CONTACT_WINDOW_MONTHS,
  foldJourney,
  notACareLeaverAt,
  type CalendarDate,
  type StoredJourneyEvent,
} from '@care-journey/journey';

export interface CareLeaverNow {
  leftOn: CalendarDate;
  reason?: string;
  /** The first OC3 birthday whose contact can still be recorded on `date`, if any is left. */
  next?: {
    age: number;
    birthday: CalendarDate;
    from: CalendarDate;
    lastDay: CalendarDate;
    recorded: boolean;
  };
}

export function careLeaverNow(
  entries: readonly StoredJourneyEvent[],
  date: CalendarDate,
): CareLeaverNow | undefined {
  const state = foldJourney(entries);
  const dateOfBirth = state.child?.dateOfBirth;
  const last = state.periodsOfCare[state.periodsOfCare.length - 1];
  if (!dateOfBirth || !last || last.endDate === undefined || last.endDate > date) return undefined;
  const history = { dateOfBirth, periodsOfCare: state.periodsOfCare, legalStatuses: state.legalStatuses };
  const birthdays = CARE_LEAVER_AGES.map((age) => ({ age, birthday: birthdayAt(dateOfBirth, age) })).filter(
    (b) => notACareLeaverAt(history, b.birthday) === undefined,
  );
  if (birthdays.length === 0) return undefined;
  const contacts = entries.filter((e) => e.type === 'CareLeaverContactRecorded');
  const window = CARE_LEAVER_CONTACT_WINDOW_MONTHS;
  const next = birthdays.find((b) => addMonths(b.birthday, window) >= date);
  return {
    leftOn: last.endDate,
    reason: last.endReason,
    next: next && {
      ...next,
      from: addMonths(next.birthday, -window),
      lastDay: addMonths(next.birthday, window),
      recorded: contacts.some(
        (c) => careLeaverBirthdayNear(dateOfBirth, c.data.effectiveDate)?.age === next.age,
      ),
    },
  };
}
