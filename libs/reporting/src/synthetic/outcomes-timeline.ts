/**
 * The 903 outcomes a social worker records for a synthetic child, drawn once the journey is known:
 * annual health outcomes (OC2) for each 31 March the child had been looked after for 12 months,
 * written up in April–June, and care leaver contacts around each 17th–21st birthday after leaving
 * care, written up within days. Who qualifies is the domain's own rule (outcome-rules.ts).
 */
import {
  birthdayAt,
  CARE_LEAVER_AGES,
  lookedAfterAllYear,
  notACareLeaverAt,
  oc2ItemsDue,
  type JourneyCommand,
  type JourneyState,
} from '@care-journey/journey';
import { addDays, minOf } from './dates';
import type { Random } from './prng';

const instant = (date: string, random: Random): string =>
  `${date}T${String(random.int(9, 17)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`;

const flag = (random: Random, p: number): boolean => random.chance(p);

/** Every 31 March from the first after `from` up to `horizon`. */
function yearEnds(from: string, horizon: string): string[] {
  const out: string[] = [];
  for (let year = Number(from.slice(0, 4)); `${year}-03-31` <= horizon; year++) {
    if (`${year}-03-31` >= from) out.push(`${year}-03-31`);
  }
  return out;
}

function healthOutcomes(
  random: Random,
  childId: string,
  dateOfBirth: string,
  yearEnd: string,
  recordedBy: string,
): JourneyCommand {
  const due = oc2ItemsDue(dateOfBirth, yearEnd);
  const noSdq = random.chance(0.12);
  const substanceMisuse = due.convicted && flag(random, 0.06);
  const received = substanceMisuse ? flag(random, 0.6) : undefined;
  const reasons = due.sdq1Allowed
    ? ['SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5']
    : ['SDQ2', 'SDQ3', 'SDQ4', 'SDQ5'];
  return {
    type: 'RecordAnnualHealthOutcomes',
    childId,
    effectiveDate: yearEnd,
    ...(due.sdq && !noSdq && { sdqScore: random.int(0, 34) }),
    ...(due.sdq && noSdq && { sdqReason: random.pick(reasons) }),
    ...(due.convicted && { convicted: flag(random, 0.03) }),
    ...(due.healthCheck && { healthCheck: flag(random, 0.9) }),
    immunisations: flag(random, 0.85),
    teethCheck: flag(random, 0.8),
    healthAssessment: flag(random, 0.9),
    substanceMisuse,
    ...(received !== undefined && { interventionReceived: received }),
    ...(received === false && { interventionOffered: flag(random, 0.7) }),
    // Written up after the year ends, in April–June.
    now: instant(addDays(yearEnd, random.int(10, 80)), random),
    recordedBy,
  };
}

const IN_TOUCH: readonly (readonly [string, number])[] = [
  ['YES', 82],
  ['NO', 7],
  ['REFU', 4],
  ['NREQ', 3],
  ['RHOM', 4],
];
const ACTIVITY: readonly (readonly [string, number])[] = [
  ['F1', 6],
  ['P1', 1],
  ['F2', 28],
  ['P2', 4],
  ['F4', 16],
  ['P4', 8],
  ['F5', 2],
  ['P5', 1],
  ['G4', 9],
  ['G5', 20],
  ['G6', 5],
];
const ACCOMMODATION: readonly (readonly [string, number])[] = [
  ['B1', 1],
  ['C1', 12],
  ['C2', 2],
  ['D1', 3],
  ['E1', 20],
  ['E2', 2],
  ['G1', 8],
  ['R2', 1],
  ['S2', 1],
  ['T1', 3],
  ['U1', 25],
  ['U2', 3],
  ['V2', 1],
  ['W1', 3],
  ['X2', 2],
  ['Y1', 3],
  ['Z1', 10],
];

function careLeaverContact(
  random: Random,
  childId: string,
  date: string,
  age: number,
  recordedBy: string,
): JourneyCommand {
  const inTouch = random.weighted(IN_TOUCH);
  // With former foster carers at 17 would mean still looked after (903 rule 3001).
  const accommodations = age === 17 ? ACCOMMODATION.filter(([code]) => !code.startsWith('Z')) : ACCOMMODATION;
  const known = inTouch === 'YES';
  return {
    type: 'RecordCareLeaverContact',
    childId,
    effectiveDate: date,
    inTouch,
    activity: known ? random.weighted(ACTIVITY) : '0',
    accommodation: known ? random.weighted(accommodations) : '0',
    now: instant(addDays(date, random.int(0, 14)), random),
    recordedBy,
  };
}

/** The outcome commands for a child whose journey folded to `state`, recorded up to `horizon`. */
export function buildOutcomes(
  random: Random,
  childId: string,
  state: JourneyState,
  horizon: string,
  recordedBy: string,
): JourneyCommand[] {
  const dateOfBirth = state.child?.dateOfBirth;
  const first = state.periodsOfCare[0];
  if (!dateOfBirth || !first) return [];
  const out: JourneyCommand[] = [];
  for (const yearEnd of yearEnds(first.startDate, horizon)) {
    if (lookedAfterAllYear(state, yearEnd))
      out.push(healthOutcomes(random, childId, dateOfBirth, yearEnd, recordedBy));
  }
  const history = { dateOfBirth, periodsOfCare: state.periodsOfCare, legalStatuses: state.legalStatuses };
  for (const age of CARE_LEAVER_AGES) {
    const birthday = birthdayAt(dateOfBirth, age);
    if (birthday > horizon) break;
    if (notACareLeaverAt(history, birthday) !== undefined) continue;
    // A later period of care (back in care on the contact date) would make it no contact at all.
    const date = minOf(addDays(birthday, random.int(0, 45)), horizon);
    if (state.periodsOfCare.some((p) => p.startDate <= date && (p.endDate === undefined || date < p.endDate)))
      continue;
    out.push(careLeaverContact(random, childId, date, age, recordedBy));
  }
  return out;
}

const plusMinute = (iso: string): string =>
  new Date(Date.parse(iso) + 60_000).toISOString().replace('.000Z', 'Z');

/**
 * A care leaver contact is written up after the end of care it follows is on file: decide checks
 * the period's end when the contact is recorded (1007, 1016), not as at the contact's date. Contacts
 * are written up within 14 days and an end of care within about 10 days of leaving, so a contact
 * soon after leaving (left on 30 March, 18 and contacted on 31 March) could otherwise reach the
 * store first. Such a contact is recorded a minute after the end of care instead.
 */
export function recordedAfterLeavingCare(
  outcomes: readonly JourneyCommand[],
  journey: readonly JourneyCommand[],
): JourneyCommand[] {
  const ends = journey.filter((c) => c.type === 'EndPeriodOfCare' || c.type === 'GrantAdoptionOrder');
  return outcomes.map((outcome) => {
    if (outcome.type !== 'RecordCareLeaverContact') return outcome;
    const latest = ends
      .filter((end) => end.effectiveDate <= outcome.effectiveDate)
      .reduce((at, end) => (end.now > at ? end.now : at), '');
    return outcome.now > latest ? outcome : { ...outcome, now: plusMinute(latest) };
  });
}
