/**
 * Where children are placed on a day: inside or outside the authority's boundary, and how far
 * from home (straight line between postcode centroids, as the 903 PL_DISTANCE). "Distant" means
 * more than the configured miles (20 by default). Unknown location or distance is counted apart,
 * never guessed.
 */
import type { AuthorityChild } from '../authority-child';
import type { AuthorityConfig } from '../authority-config';
import {
  behindRow,
  careOn,
  placementOn,
  share,
  type ChildBehind,
  type MeasureWindow,
} from './measure-window';

export interface PlacementLocationFigure {
  date: string;
  total: number;
  inArea: number;
  outOfArea: number;
  areaUnknown: number;
  /** Out of area, as a share of those whose area is known. */
  outOfAreaPercentage: number | null;
  moreThanDistance: number;
  distanceUnknown: number;
  outOfAreaAndMoreThanDistance: number;
  distanceMiles: number;
}

export function placementLocation(
  children: readonly AuthorityChild[],
  window: MeasureWindow,
  config: AuthorityConfig,
  behind?: ChildBehind[],
): PlacementLocationFigure {
  const figure: PlacementLocationFigure = {
    date: window.to,
    total: 0,
    inArea: 0,
    outOfArea: 0,
    areaUnknown: 0,
    outOfAreaPercentage: null,
    moreThanDistance: 0,
    distanceUnknown: 0,
    outOfAreaAndMoreThanDistance: 0,
    distanceMiles: config.distanceMiles,
  };
  for (const child of children) {
    if (!careOn(child, window.to)) continue;
    const spell = placementOn(child, window.to);
    if (!spell) continue;
    figure.total += 1;
    if (spell.inArea === true) figure.inArea += 1;
    else if (spell.inArea === false) figure.outOfArea += 1;
    else figure.areaUnknown += 1;
    const distant = spell.distanceMiles !== undefined && spell.distanceMiles > config.distanceMiles;
    if (spell.distanceMiles === undefined) figure.distanceUnknown += 1;
    if (distant) figure.moreThanDistance += 1;
    if (distant && spell.inArea === false) figure.outOfAreaAndMoreThanDistance += 1;
    behind?.push(
      behindRow(child, {
        inArea: spell.inArea ?? null,
        distanceMiles: spell.distanceMiles ?? null,
        moreThanDistance: distant,
        placementType: spell.placementType,
        since: spell.start,
      }),
    );
  }
  figure.outOfAreaPercentage = share(figure.outOfArea, figure.inArea + figure.outOfArea);
  return figure;
}
