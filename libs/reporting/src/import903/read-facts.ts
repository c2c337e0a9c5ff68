/** One checked row → one typed fact (or issues): field formats, real dates, codes valid on their date. */
import type { CalendarDate } from '@care-journey/journey';
import { orderDateFromDmy } from '../export903/format';
import type { TableName } from '../export903/tables';
import type {
  AdoptionFact,
  ContactFact,
  DecisionFact,
  EpisodeFact,
  HealthFact,
  HeaderFact,
  MissingFact,
  PrevPermFact,
  ReviewFact,
  UascFact,
} from './facts';
import { FieldReader } from './field-reader';
import type { ImportIssue } from './issues';
import { readContact, readHealth } from './read-outcomes';
import type { SourceRow } from './read-returns';
import { withFields } from './with-fields';

// 903 CHILD is the authority's own reference; a generous shape that still refuses stray text.
const CHILD_REF = /^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/;

export type AnyFact =
  | { table: 'Header'; fact: HeaderFact }
  | { table: 'Episodes'; fact: EpisodeFact }
  | { table: 'Reviews'; fact: ReviewFact }
  | { table: 'Missing'; fact: MissingFact }
  | { table: 'PlacedAdoption'; fact: DecisionFact }
  | { table: 'AD1'; fact: AdoptionFact }
  | { table: 'PrevPerm'; fact: PrevPermFact }
  | { table: 'UASC'; fact: UascFact }
  | { table: 'OC2'; fact: HealthFact }
  | { table: 'OC3'; fact: ContactFact };

const SEX: Record<string, '1' | '2'> = { '1': '1', '2': '2', M: '1', F: '2' };

/** Undefined when the row had a problem (recorded in `issues`) or its table is not imported. */
export function readFact(
  table: TableName,
  row: SourceRow,
  yearEnding: CalendarDate,
  issues: ImportIssue[],
): AnyFact | undefined {
  const r = new FieldReader(row, issues);
  const before = issues.length;
  const child = r.text('CHILD', true);
  if (child !== undefined && !CHILD_REF.test(child))
    r.problem(
      'CHILD',
      `${JSON.stringify(child)} is not a child reference (letters, digits, - or _, at most 20)`,
    );
  const base = { child: child ?? '', src: row.ref, yearEnding };
  const result = readTable(table, r, base);
  // Every child table repeats the DOB: kept, so the journey's plan can check it against the Header's.
  const dob = table === 'Header' || table === 'Episodes' ? undefined : r.date('DOB', false);
  if (result && dob !== undefined) result.fact.rowDob = dob;
  return issues.length === before ? result : undefined;
}

type Base = { child: string; src: SourceRow['ref']; yearEnding: CalendarDate };

function readTable(table: TableName, r: FieldReader, base: Base): AnyFact | undefined {
  switch (table) {
    case 'Header': {
      const sex = r.oneOf('SEX', ['1', '2', 'M', 'F'], true);
      const dob = r.date('DOB', true);
      const ethnicity = r.code('ETHNIC', 'ETHNIC', true);
      const upn = r.text('UPN', true);
      if (sex === undefined || dob === undefined || ethnicity === undefined || upn === undefined)
        return undefined;
      return { table, fact: withFields(base, { sex: SEX[sex], dob, ethnicity, upn }) };
    }
    case 'Episodes':
      return readEpisode(r, base);
    case 'Reviews': {
      const date = r.date('REVIEW', true);
      const participation = r.code('REVIEW_CODE', 'REVIEW_CODE', true, date);
      if (date === undefined || participation === undefined) return undefined;
      return { table, fact: withFields(base, { date, participation }) };
    }
    case 'Missing': {
      const kind = r.code('MISSING', 'MISSING', true) as 'M' | 'A' | undefined;
      const start = r.date('MIS_START', true);
      const end = r.date('MIS_END', false);
      if (start && end && end < start) r.problem('MIS_END', `is before MIS_START (${r.value('MIS_START')})`);
      if (kind === undefined || start === undefined) return undefined;
      return { table, fact: withFields(base, { kind, start, ...(end && { end }) }) };
    }
    case 'PlacedAdoption': {
      const date = r.date('DATE_PLACED', true);
      const ceased = r.date('DATE_PLACED_CEASED', false);
      const reason = r.code(
        'REASON_PLACED_CEASED',
        'REASON_PLACED_CEASED',
        false,
        ceased,
      ) as DecisionFact['reason'];
      if (r.value('DATE_PLACED_CEASED') !== '' && r.value('REASON_PLACED_CEASED') === '')
        r.problem('REASON_PLACED_CEASED', 'is required when DATE_PLACED_CEASED is given');
      if (r.value('DATE_PLACED_CEASED') === '' && r.value('REASON_PLACED_CEASED') !== '')
        r.problem('DATE_PLACED_CEASED', 'is required when REASON_PLACED_CEASED is given');
      if (date && ceased && ceased < date)
        r.problem('DATE_PLACED_CEASED', `is before DATE_PLACED (${r.value('DATE_PLACED')})`);
      if (date === undefined) return undefined;
      return {
        table,
        fact: withFields(base, { date, ...(ceased && { ceased }), ...(reason && { reason }) }),
      };
    }
    case 'AD1': {
      const dateInt = r.date('DATE_INT', false);
      const dateMatch = r.date('DATE_MATCH', false);
      const foster = r.oneOf('FOSTER_CARE', ['0', '1'], true);
      const adopters = r.oneOf('NB_ADOPTR', ['1', '2'], true);
      const adopterSex = r.code('SEX_ADOPTR', 'SEX_ADOPTR', true);
      const adopterLegalStatus = r.code('LS_ADOPTR', 'LS_ADOPTR', true);
      if (
        foster === undefined ||
        adopters === undefined ||
        adopterSex === undefined ||
        adopterLegalStatus === undefined
      )
        return undefined;
      const fact: AdoptionFact = withFields(base, {
        fosterCarer: foster === '1',
        adopters: adopters === '1' ? (1 as const) : (2 as const),
        adopterSex,
        adopterLegalStatus,
        ...(dateInt && { dateInt }),
        ...(dateMatch && { dateMatch }),
      });
      return { table, fact };
    }
    case 'PrevPerm': {
      const code = r.code('PREV_PERM', 'PREV_PERM', true);
      const la = r.text('LA_PERM', false);
      const dmy = r.value('DATE_PERM');
      const date = dmy === '' ? undefined : orderDateFromDmy(dmy);
      if (date === undefined && dmy !== '')
        r.problem(
          'DATE_PERM',
          `${JSON.stringify(dmy)} is not a date dd/mm/YYYY (ZZ for an unknown day or month)`,
        );
      if (code === undefined) return undefined;
      return { table, fact: withFields(base, { code, ...(la && { la }), ...(date && { date }) }) };
    }
    case 'UASC': {
      r.date('DUC', false);
      return { table, fact: { ...base } };
    }
    case 'OC2': {
      const fact = readHealth(r, base);
      return fact && { table, fact };
    }
    case 'OC3': {
      const fact = readContact(r, base);
      return fact && { table, fact };
    }
    default:
      return undefined;
  }
}

function readEpisode(r: FieldReader, base: Base): AnyFact | undefined {
  const decom = r.date('DECOM', true);
  const rne = r.code('RNE', 'RNE', true);
  const ls = r.code('LS', 'LS', true, decom);
  const cin = r.code('CIN', 'CIN', true, decom);
  const place = r.code('PLACE', 'PLACE', true, decom);
  const provider = r.code('PLACE_PROVIDER', 'PLACE_PROVIDER', false, decom);
  const dec = r.date('DEC', false);
  const rec = r.code('REC', 'REC', dec !== undefined, dec);
  if (r.value('DEC') === '' && r.value('REC') !== '') r.problem('DEC', 'is required when REC is given');
  if (decom && dec && dec < decom) r.problem('DEC', `is before DECOM (${r.value('DECOM')})`);
  const reasonPlaceChange = r.code('REASON_PLACE_CHANGE', 'REASON_PLACE_CHANGE', false, dec);
  if (
    decom === undefined ||
    rne === undefined ||
    ls === undefined ||
    cin === undefined ||
    place === undefined
  )
    return undefined;
  const homePostcode = r.text('HOME_POST', false);
  const placementPostcode = r.text('PL_POST', false);
  const urn = r.text('URN', false);
  // Field by field, in the same order as ever: an Object.assign of a computed-key literal per
  // optional field made an episode row ~7× slower to read (~12 µs, the most of reading a return).
  const { child, src, yearEnding } = base;
  const fact: EpisodeFact = { child, src, yearEnding, decom, rne, ls, cin, place };
  if (provider !== undefined) fact.provider = provider;
  if (dec !== undefined) fact.dec = dec;
  if (rec !== undefined) fact.rec = rec;
  if (reasonPlaceChange !== undefined) fact.reasonPlaceChange = reasonPlaceChange;
  if (homePostcode !== undefined) fact.homePostcode = homePostcode;
  if (placementPostcode !== undefined) fact.placementPostcode = placementPostcode;
  if (urn !== undefined) fact.urn = urn;
  return { table: 'Episodes', fact };
}
