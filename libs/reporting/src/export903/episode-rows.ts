/**
 * Episodes rows for the year: every episode that touches it; an end after 31 March is left blank.
 * A short-break episode (V3/V4) carries no location: HOME_POST, PL_POST and URN are blank (DfE
 * validation rules 214 and 398; rule 420's PL_LA is derived by the validator from PL_POST).
 * A child who is or was UASC has no home distance (rule 406: PL_DISTANCE, which the validator derives
 * from HOME_POST and PL_POST, must be blank): HOME_POST is blank on all their episodes.
 */
import { isShortBreak } from '@care-journey/journey';
import type { ChildRecord } from './child-record';
import { overlapsYear, type CollectionYear } from './collection-year';
import { toDmy } from './format';
import type { Row } from './tables';

export const episodesInYear = (child: ChildRecord, year: CollectionYear) =>
  child.episodes.filter((e) => overlapsYear(year, e.decom, e.dec));

export function episodeRows(child: ChildRecord, year: CollectionYear): Row[] {
  return episodesInYear(child, year).map((e) => {
    const endsInYear = e.dec !== undefined && e.dec <= year.end;
    const located = !isShortBreak(e.ls);
    return {
      CHILD: child.registration.childRef,
      DECOM: toDmy(e.decom),
      RNE: e.rne,
      LS: e.ls,
      CIN: e.cin,
      PLACE: e.place,
      PLACE_PROVIDER: e.provider ?? '',
      DEC: endsInYear ? toDmy(e.dec) : '',
      REC: endsInYear ? (e.rec ?? '') : '',
      REASON_PLACE_CHANGE: endsInYear ? (e.reasonPlaceChange ?? '') : '',
      HOME_POST: located && !child.registration.uasc ? (e.homePostcode ?? '') : '',
      PL_POST: located ? (e.placementPostcode ?? '') : '',
      URN: located ? (e.urn ?? '') : '',
    };
  });
}
