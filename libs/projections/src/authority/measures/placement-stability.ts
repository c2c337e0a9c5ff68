/**
 * Children looked after on a day with 3 or more placements in the 12 months up to it (the ST1
 * measure on any day, not just 31 March): the figure the former national 16% ceiling applies to.
 * Placements are runs with one carer, so same-carer changes and temporary stays are not moves; a
 * carer kept across short breaks inside the period is one placement (AuthorityChild.runs). The
 * window is ST1's and DR05's (firstDayOfMonthsUpTo).
 */
import { firstDayOfMonthsUpTo } from '../../measures/stability';
import type { AuthorityChild } from '../authority-child';
import { behindRow, careOn, share, type ChildBehind, type MeasureWindow } from './measure-window';

export interface ThreePlusFigure {
  date: string;
  numerator: number;
  denominator: number;
  percentage: number | null;
}

export function threePlusPlacements(
  children: readonly AuthorityChild[],
  window: MeasureWindow,
  behind?: ChildBehind[],
): ThreePlusFigure {
  const to = window.to;
  const from = firstDayOfMonthsUpTo(to, 12);
  let numerator = 0;
  let denominator = 0;
  for (const child of children) {
    if (!careOn(child, to)) continue;
    const runs = child.runs.filter((run) => run.start <= to && (run.end === undefined || run.end > from));
    denominator += 1;
    const counted = runs.length >= 3;
    if (counted) numerator += 1;
    behind?.push(
      behindRow(child, {
        placements: runs.length,
        counted,
        evidence: runs.map((run) => run.startEventId).join(' '),
      }),
    );
  }
  return { date: to, numerator, denominator, percentage: share(numerator, denominator) };
}
