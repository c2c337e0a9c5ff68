/** Who a synthetic child is: the facts registered once (RegisterChild), drawn from national mixes. */
import { isOfSchoolAgeFor209 } from '@care-journey/journey';
import { addDays, addYears, daysBetween, type CalendarDate } from './dates';
import { AGE_AT_ENTRY, ETHNICITY, UASC_ETHNICITY } from './code-mixes';
import { postcodesIn } from './postcodes';
import type { Random } from './prng';
import { syntheticUpn } from './upn';

export interface ChildProfile {
  index: number;
  childId: string;
  childRef: string;
  name: string;
  sex: '1' | '2';
  dateOfBirth: CalendarDate;
  ethnicity: string;
  upn: string;
  homePostcode?: string;
  uasc: boolean;
  relinquishedAtBirth: boolean;
  /** First day of the (first) period of care. */
  entryDate: CalendarDate;
  ageAtEntry: number;
}

const FIRST_NAMES = [
  'Alex',
  'Sam',
  'Jordan',
  'Charlie',
  'Riley',
  'Morgan',
  'Taylor',
  'Jamie',
  'Casey',
  'Robin',
  'Ellis',
  'Frankie',
  'Harley',
  'Kai',
  'Logan',
  'Max',
  'Noah',
  'Olivia',
  'Amelia',
  'Isla',
  'Leo',
  'Mia',
  'Ruby',
  'Theo',
  'Zara',
  'Ahmed',
  'Yonas',
  'Daniel',
  'Grace',
  'Lily',
];
const SURNAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Wright',
  'Green',
  'Hall',
  'Wood',
  'Clarke',
  'Walker',
  'Hughes',
  'Khan',
  'Turner',
  'Cooper',
  'Hill',
  'Ward',
  'Morris',
  'Moore',
  'Clark',
  'Lee',
  'Baker',
  'Harris',
  'Mohammed',
  'Tesfaye',
  'Haile',
];

/**
 * UN1 (no UPN yet) only for children still under school age at the end of the history: the 903
 * rejects UN1 for anyone 4 by the 31 August before the collection year (rule 209), and so does the
 * domain at registration and at a start of care (the same test, from the journey).
 */
const tooYoungForUpn = (dateOfBirth: CalendarDate, horizon: CalendarDate): boolean =>
  !isOfSchoolAgeFor209(dateOfBirth, horizon);

export interface ProfileWindow {
  /** Earliest and latest possible start of care; `to` is also the end of the history. */
  from: CalendarDate;
  to: CalendarDate;
  la: string;
}

function ageInDaysAtEntry(random: Random, band: string): number {
  switch (band) {
    // Many under-1s come into care as newborns, straight from hospital.
    case 'under1':
      return random.chance(0.45) ? random.int(0, 20) : random.int(21, 364);
    case '1-4':
      return random.int(365, 5 * 365 - 2);
    case '5-9':
      return random.int(5 * 365 + 2, 10 * 365 - 2);
    case '10-15':
      return random.int(10 * 365 + 3, 16 * 365 - 3);
    default:
      return random.int(16 * 365 + 5, 18 * 365 - 40);
  }
}

export function drawChildProfile(
  random: Random,
  index: number,
  childId: string,
  window: ProfileWindow,
): ChildProfile {
  const span = daysBetween(window.from, window.to) + 1;
  const entryDate = addDays(window.from, random.int(0, span - 1));
  const uasc = random.chance(0.05);
  const relinquishedAtBirth = !uasc && random.chance(0.012);
  const band = uasc ? '16+' : relinquishedAtBirth ? 'under1' : random.weighted(AGE_AT_ENTRY);
  const ageDays = relinquishedAtBirth
    ? random.int(0, 4)
    : uasc
      ? random.int(14 * 365 + 20, 18 * 365 - 60)
      : ageInDaysAtEntry(random, band);
  const dateOfBirth = addDays(entryDate, -ageDays);
  const sex = uasc ? (random.chance(0.92) ? '1' : '2') : random.chance(0.55) ? '1' : '2';
  const ageAtEntry = Math.floor(ageDays / 365.25);
  const school = addYears(dateOfBirth, 5);
  const horizon = window.to;
  return {
    index,
    childId,
    childRef: `C${String(100000 + index)}`,
    name: `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`,
    sex,
    dateOfBirth,
    ethnicity: random.weighted(uasc ? UASC_ETHNICITY : ETHNICITY),
    // Under school age: UN1 (no UPN yet); arrived from abroad: UN3; otherwise a real-shaped UPN.
    upn: uasc
      ? 'UN3'
      : tooYoungForUpn(dateOfBirth, horizon)
        ? 'UN1'
        : syntheticUpn(random, '873', Number(school.slice(0, 4))),
    // Asylum-seeking children have no home address here: 903 distance must stay blank (rule 406).
    homePostcode: uasc ? undefined : random.pick(postcodesIn(window.la)).postcode,
    uasc,
    relinquishedAtBirth,
    entryDate,
    ageAtEntry,
  };
}
