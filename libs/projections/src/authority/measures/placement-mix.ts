/** Placement mix on a day: counts and shares of the children looked after, by placement group. */
import type { AuthorityChild } from '../authority-child';
import { PLACEMENT_GROUPS, type PlacementGroup } from '../placement-groups';
import {
  behindRow,
  careOn,
  placementOn,
  share,
  type ChildBehind,
  type MeasureWindow,
} from './measure-window';

export interface GroupFigure {
  count: number;
  /** Of all children in a placement on the day, 1 dp. */
  percentage: number | null;
}

export interface PlacementMixFigure {
  date: string;
  total: number;
  groups: Record<PlacementGroup, GroupFigure>;
}

export function placementMix(
  children: readonly AuthorityChild[],
  window: MeasureWindow,
  behind?: ChildBehind[],
): PlacementMixFigure {
  const counts = Object.fromEntries(PLACEMENT_GROUPS.map((group) => [group, 0])) as Record<
    PlacementGroup,
    number
  >;
  let total = 0;
  for (const child of children) {
    if (!careOn(child, window.to)) continue;
    const spell = placementOn(child, window.to);
    if (!spell) continue;
    counts[spell.group] += 1;
    total += 1;
    behind?.push(
      behindRow(child, {
        group: spell.group,
        placementType: spell.placementType,
        provider: spell.provider ?? null,
        since: spell.start,
      }),
    );
  }
  const groups = Object.fromEntries(
    PLACEMENT_GROUPS.map((group) => [
      group,
      { count: counts[group], percentage: share(counts[group], total) },
    ]),
  ) as Record<PlacementGroup, GroupFigure>;
  return { date: window.to, total, groups };
}
