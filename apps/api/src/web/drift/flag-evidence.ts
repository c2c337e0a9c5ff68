/**
 * A flag's evidence and threshold in words, for the panel pack (CSV and the printed report): the
 * entries its due date rests on come from the child's summary (each fact keeps the id of the event
 * that says so), so the pack needs no read of the log. A birthday is worked out from the date of
 * birth, not recorded: the registration is cited as "turned 16 on …".
 */
import { addDays, addMonths, ageInYearsOn, type CalendarDate } from '@care-journey/journey';
import type { JourneySummary, ThresholdValues } from '@care-journey/projections';

/** What an evidence entry is, and its date: words for one event id. */
export interface EvidenceEntry {
  what: string;
  date: CalendarDate;
  /** Set for the registration: the due date may rest on a birthday worked out from it. */
  dateOfBirth?: CalendarDate;
}

/** The first day a child born on `dateOfBirth` is `age` (1 March for 29 February in a common year). */
export function birthdayAt(dateOfBirth: CalendarDate, age: number): CalendarDate {
  const birthday = addMonths(dateOfBirth, age * 12);
  return ageInYearsOn(dateOfBirth, birthday) >= age ? birthday : addDays(birthday, 1);
}

/** Every event id the summary keeps, with what it recorded and its date (the first fact wins). */
export function evidenceEntries(summary: JourneySummary): Map<string, EvidenceEntry> {
  const entries = new Map<string, EvidenceEntry>();
  const add = (id: string | undefined, what: string, date: CalendarDate | undefined, dob?: CalendarDate) => {
    if (id && date && !entries.has(id)) entries.set(id, { what, date, ...(dob && { dateOfBirth: dob }) });
  };
  // First: the registration also records the first allocation; it is cited for the date of birth.
  if (summary.dateOfBirth)
    add(summary.registeredEventId, 'Registered', summary.dateOfBirth, summary.dateOfBirth);
  for (const period of summary.periods) {
    add(period.startEventId, 'Became looked after', period.start);
    add(period.endEventId, 'Left care', period.end);
    for (const fact of period.legalStatuses) add(fact.eventId, `Legal status ${fact.code}`, fact.date);
    for (const run of period.placements) {
      add(
        run.startEventId,
        `Placement started (${run.types[0]?.placementType ?? 'type not known'})`,
        run.start,
      );
      for (const fact of run.types) add(fact.eventId, `Placement type ${fact.placementType}`, fact.date);
      for (const stay of run.temporaryStays)
        add(stay.eventId, `Temporary placement ${stay.placementType}`, stay.start);
    }
    for (const fact of period.reviews) add(fact.eventId, 'Review held', fact.date);
    for (const fact of period.plans)
      add(fact.eventId, `Permanence plan: ${fact.route.replace(/_/g, ' ')}`, fact.date);
    for (const fact of period.audits) add(fact.eventId, 'Going-home audit', fact.date);
    const a = period.adoption;
    for (const fact of a.decisions) add(fact.eventId, 'Adoption decision', fact.date);
    for (const fact of a.reversals) add(fact.eventId, 'Adoption decision reversed', fact.date);
    for (const fact of a.placementOrders) add(fact.eventId, 'Placement order', fact.date);
    for (const fact of a.consents) add(fact.eventId, 'Consent to adoption', fact.date);
    for (const fact of a.matches) add(fact.eventId, 'Matched with adopters', fact.date);
    for (const fact of a.placements)
      add(fact.eventId, `Placed for adoption (${fact.placementType})`, fact.date);
    add(a.order?.eventId, 'Adoption order', a.order?.date);
    for (const spell of period.missing)
      add(spell.eventId, spell.kind === 'M' ? 'Missing' : 'Away without authorisation', spell.start);
  }
  for (const fact of summary.allocations) add(fact.eventId, `Allocated to ${fact.team}`, fact.date);
  return entries;
}

/**
 * One evidence entry in words. The registration of a flag with an age threshold (DR10, DR13) is
 * the birthday its due date rests on; `showBirthDate` is false for a role without personal data.
 */
export function evidenceText(
  entry: EvidenceEntry,
  threshold: ThresholdValues,
  showBirthDate: boolean,
  dateText: (date: CalendarDate) => string = (date) => date,
): string {
  if (entry.dateOfBirth === undefined) return `${entry.what} ${dateText(entry.date)}`;
  const age = threshold['age'];
  if (typeof age !== 'number')
    return showBirthDate ? `Date of birth ${dateText(entry.dateOfBirth)}` : 'Date of birth';
  return showBirthDate
    ? `Turned ${age} on ${dateText(birthdayAt(entry.dateOfBirth, age))} (date of birth ${dateText(entry.dateOfBirth)})`
    : `Turned ${age} (date of birth)`;
}

/** A flag's evidence in words, "; " between entries; an id the summary does not know stays an id. */
export function flagEvidenceText(
  evidence: readonly string[],
  threshold: ThresholdValues,
  entries: ReadonlyMap<string, EvidenceEntry> | undefined,
  showBirthDate: boolean,
  dateText?: (date: CalendarDate) => string,
): string {
  return evidence
    .map((id) => {
      const entry = entries?.get(id);
      return entry ? evidenceText(entry, threshold, showBirthDate, dateText) : `Entry ${id}`;
    })
    .join('; ');
}

/** The threshold as "age 16; months 6" (null: no limit). */
export function thresholdText(threshold: ThresholdValues): string {
  return Object.entries(threshold)
    .map(([key, value]) => `${key} ${value === null ? 'none' : String(value)}`)
    .join('; ');
}
