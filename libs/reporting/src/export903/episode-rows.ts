/** Episodes rows for the year: every episode that touches it; an end after 31 March is left blank. */
import type { ChildRecord } from './child-record';
import { overlapsYear, type CollectionYear } from './collection-year';
import { toDmy } from './format';
import type { Row } from './tables';

export const episodesInYear = (child: ChildRecord, year: CollectionYear) =>
  child.episodes.filter((e) => overlapsYear(year, e.decom, e.dec));

export function episodeRows(child: ChildRecord, year: CollectionYear): Row[] {
  return episodesInYear(child, year).map((e) => {
    const endsInYear = e.dec !== undefined && e.dec <= year.end;
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
      HOME_POST: e.homePostcode ?? '',
      PL_POST: e.placementPostcode ?? '',
      URN: e.urn ?? '',
    };
  });
}
