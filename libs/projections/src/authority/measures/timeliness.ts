/**
 * Reviews within timescale and permanence plans by the second review, over a window. Deadlines
 * come from the drift rules (DR01 first review in 20 working days, DR02 second within 3 months,
 * DR03 later ones within 6 months; DR04 plan by the second review). A deadline counts in the
 * window its due date falls in, and is in time when met on or before it; one that lapsed because
 * care ended first does not count, nor does one not yet met whose due date is today or later (a
 * step taken on its due date is in time, so the day itself is not yet missed).
 */
import type { AuthorityChild, TimelinessCheck } from '../authority-child';
import { behindRow, share, within, type ChildBehind, type MeasureWindow } from './measure-window';

/** A deadline not met yet that can still be met: its due date is `today` or later. */
export const stillOpen = (check: TimelinessCheck, today: string | undefined): boolean =>
  !check.inTime && today !== undefined && check.dueDate >= today;

export interface TimelinessFigure {
  due: number;
  inTime: number;
  percentage: number | null;
}

function timeliness(
  children: readonly AuthorityChild[],
  window: MeasureWindow,
  checksOf: (child: AuthorityChild) => TimelinessCheck[],
  behind?: ChildBehind[],
): TimelinessFigure {
  let due = 0;
  let inTime = 0;
  for (const child of children) {
    for (const check of checksOf(child)) {
      if (!within(check.dueDate, window)) continue;
      if (stillOpen(check, window.today)) continue;
      due += 1;
      if (check.inTime) inTime += 1;
      behind?.push(
        behindRow(child, {
          dueDate: check.dueDate,
          metOn: check.metOn ?? null,
          inTime: check.inTime,
          evidence: check.evidence.join(' '),
        }),
      );
    }
  }
  return { due, inTime, percentage: share(inTime, due) };
}

export const reviewsInTime = (
  children: readonly AuthorityChild[],
  window: MeasureWindow,
  behind?: ChildBehind[],
): TimelinessFigure => timeliness(children, window, (child) => child.reviews, behind);

export const planBySecondReview = (
  children: readonly AuthorityChild[],
  window: MeasureWindow,
  behind?: ChildBehind[],
): TimelinessFigure => timeliness(children, window, (child) => child.plans, behind);
