/**
 * Children starting and ceasing to be looked after in the window, ceasing by route. The 903
 * reason codes are grouped in this order: adoption (E11, E12); special guardianship
 * (E45–E48); child arrangements order (E41); return home planned (E4A) or not (E4B); then any
 * other ending on or after the 18th birthday, or E17, is "18+"; everything else is "other".
 * A start and a cease on the same day both count. Short breaks inside a period of care (a counted
 * part, short breaks, another counted part) are neither a cease nor a start: the period goes on, as
 * the 903 has it (one period, episodes joined by X1). A period that ends on short breaks ceases the
 * day care ended, for the reason it ended (the 903's last episode), not at the change to short
 * breaks (CareSpell.cease). docs/drift-rules.md.
 */
import { ageInYearsOn } from '@care-journey/journey';
import type { AuthorityChild, CareCease } from '../authority-child';
import { behindRow, within, type ChildBehind, type MeasureWindow } from './measure-window';

export const CEASE_ROUTES = [
  'adoption',
  'special_guardianship',
  'child_arrangements_order',
  'return_home_planned',
  'return_home_unplanned',
  'aged_18_plus',
  'other',
] as const;
export type CeaseRoute = (typeof CEASE_ROUTES)[number];

const BY_CODE: Record<string, CeaseRoute> = {
  E11: 'adoption',
  E12: 'adoption',
  E45: 'special_guardianship',
  E46: 'special_guardianship',
  E47: 'special_guardianship',
  E48: 'special_guardianship',
  E41: 'child_arrangements_order',
  E4A: 'return_home_planned',
  E4B: 'return_home_unplanned',
  E17: 'aged_18_plus',
};

export function ceaseRouteOf(child: AuthorityChild, cease: CareCease): CeaseRoute {
  const byCode = cease.reason ? BY_CODE[cease.reason] : undefined;
  if (byCode) return byCode;
  if (child.dateOfBirth && ageInYearsOn(child.dateOfBirth, cease.date) >= 18) return 'aged_18_plus';
  return 'other';
}

export interface CareFlowsFigure {
  started: number;
  ceased: number;
  ceasedByRoute: Record<CeaseRoute, number>;
}

export interface CareFlowsBehind {
  started?: ChildBehind[];
  ceased?: ChildBehind[];
}

export function careFlows(
  children: readonly AuthorityChild[],
  window: MeasureWindow,
  behind: CareFlowsBehind = {},
): CareFlowsFigure {
  const ceasedByRoute = Object.fromEntries(CEASE_ROUTES.map((route) => [route, 0])) as Record<
    CeaseRoute,
    number
  >;
  let started = 0;
  let ceased = 0;
  for (const child of children) {
    for (const spell of child.care) {
      if (!spell.resumesAfterShortBreaks && within(spell.start, window)) {
        started += 1;
        behind.started?.push(behindRow(child, { date: spell.start, eventId: spell.startEventId }));
      }
      const cease = spell.cease;
      if (cease !== undefined && within(cease.date, window)) {
        const route = ceaseRouteOf(child, cease);
        ceased += 1;
        ceasedByRoute[route] += 1;
        behind.ceased?.push(
          behindRow(child, {
            date: cease.date,
            reason: cease.reason ?? null,
            route,
            eventId: cease.eventId ?? null,
          }),
        );
      }
    }
  }
  return { started, ceased, ceasedByRoute };
}
