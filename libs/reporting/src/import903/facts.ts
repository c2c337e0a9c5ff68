/** The rows of a return once checked: typed facts about a child, each knowing where it came from. */
import type { CalendarDate, EventData } from '@care-journey/journey';
import type { SourceRef } from './issues';

interface Fact {
  child: string;
  src: SourceRef;
  /** The year of the return it came from (a 31 March). */
  yearEnding: CalendarDate;
  /** The row's own DOB, in the child tables that repeat it (checked against the Header's). */
  rowDob?: CalendarDate;
}

export interface HeaderFact extends Fact {
  sex: '1' | '2';
  dob: CalendarDate;
  ethnicity: string;
  upn: string;
}

export interface EpisodeFact extends Fact {
  decom: CalendarDate;
  rne: string;
  ls: string;
  cin: string;
  place: string;
  provider?: string;
  dec?: CalendarDate;
  rec?: string;
  reasonPlaceChange?: string;
  homePostcode?: string;
  placementPostcode?: string;
  urn?: string;
}

export interface ReviewFact extends Fact {
  date: CalendarDate;
  participation: string;
}

export interface MissingFact extends Fact {
  kind: 'M' | 'A';
  start: CalendarDate;
  end?: CalendarDate;
}

export interface DecisionFact extends Fact {
  date: CalendarDate;
  ceased?: CalendarDate;
  reason?: 'RD1' | 'RD2' | 'RD3' | 'RD4';
}

export interface AdoptionFact extends Fact {
  dateInt?: CalendarDate;
  dateMatch?: CalendarDate;
  fosterCarer: boolean;
  adopters: 1 | 2;
  adopterSex: string;
  adopterLegalStatus: string;
}

export interface PrevPermFact extends Fact {
  code: string;
  la?: string;
  /** As known: YYYY-MM-DD, or YYYY-MM / YYYY when the 903 gave ZZ for the day or month. */
  date?: string;
}

export type UascFact = Fact;

/** An OC2 row: the year's health outcomes (its 31 March is `yearEnding`). */
export interface HealthFact extends Fact {
  outcomes: Omit<EventData<'AnnualHealthOutcomesRecorded'>, 'childId' | 'effectiveDate'>;
}

/** An OC3 row: the care leaver's situation at the birthday in the year. */
export interface ContactFact extends Fact {
  inTouch: string;
  activity: string;
  accommodation: string;
}

/** Everything read about one child, across every return. */
export interface ChildFacts {
  child: string;
  headers: HeaderFact[];
  episodes: EpisodeFact[];
  reviews: ReviewFact[];
  missing: MissingFact[];
  decisions: DecisionFact[];
  adoptions: AdoptionFact[];
  prevPerm: PrevPermFact[];
  uasc: UascFact[];
  health: HealthFact[];
  contacts: ContactFact[];
  /** OC2/OC3 lines with every item blank (nothing recorded): counted, not imported. */
  ignored: number;
}

export const emptyChildFacts = (child: string): ChildFacts => ({
  child,
  headers: [],
  episodes: [],
  reviews: [],
  missing: [],
  decisions: [],
  adoptions: [],
  prevPerm: [],
  uasc: [],
  health: [],
  contacts: [],
  ignored: 0,
});
