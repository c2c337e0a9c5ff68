/**
 * The saving (or cost) of a change in placement mix as at a day: "what if 10 agency placements
 * moved in-house". Each move is priced at the unit costs in force that day; a positive saving means
 * the new mix is cheaper. Moving more placements than the group holds that day is refused.
 */
import type { CalendarDate } from '@care-journey/journey';
import type { AuthorityChild } from '../authority-child';
import { versionOn, type CostVersion } from '../cost-tables';
import { dayNumber } from '../day-numbers';
import type { PlacementGroup, ProviderKind } from '../placement-groups';
import { careOn, placementOn } from './measure-window';
import { WEEKS_PER_YEAR } from './placement-spend';

export interface MixMove {
  from: PlacementGroup;
  to: PlacementGroup;
  count: number;
}

export interface PricedMove extends MixMove {
  /** Placements in the `from` group on the day. */
  available: number;
  fromWeekly: number;
  toWeekly: number;
  weeklySaving: number;
}

export interface WhatIfResult {
  date: CalendarDate;
  moves: PricedMove[];
  weeklySaving: number;
  annualSaving: number;
}

export class WhatIfError extends Error {
  override readonly name = 'WhatIfError';
  constructor(
    readonly field: string,
    rule: string,
  ) {
    super(`${field}: ${rule}`);
  }
}

// Group names already say who provides; the others are priced at their "any" cost.
const KIND_OF: Partial<Record<PlacementGroup, ProviderKind>> = {
  in_house_fostering: 'in_house',
  in_house_childrens_home: 'in_house',
  agency_fostering: 'external',
  external_childrens_home: 'external',
};

export function mixWhatIf(
  children: readonly AuthorityChild[],
  date: CalendarDate,
  versions: readonly CostVersion[],
  moves: readonly MixMove[],
): WhatIfResult {
  const table = versionOn(versions, dayNumber(date));
  const held = new Map<PlacementGroup, number>();
  for (const child of children) {
    const spell = careOn(child, date) ? placementOn(child, date) : undefined;
    if (spell) held.set(spell.group, (held.get(spell.group) ?? 0) + 1);
  }
  const priced = moves.map((move, i): PricedMove => {
    const rate = (group: PlacementGroup, side: 'from' | 'to'): number => {
      const weekly = table?.weekly(group, KIND_OF[group] ?? 'external');
      if (weekly === undefined)
        throw new WhatIfError(`moves[${i}].${side}`, `no unit cost for ${group} on ${date}`);
      return weekly;
    };
    if (!Number.isInteger(move.count) || move.count < 1)
      throw new WhatIfError(`moves[${i}].count`, 'must be a whole number >= 1');
    const available = held.get(move.from) ?? 0;
    if (move.count > available)
      throw new WhatIfError(`moves[${i}].count`, `only ${available} ${move.from} placement(s) on ${date}`);
    const fromWeekly = rate(move.from, 'from');
    const toWeekly = rate(move.to, 'to');
    held.set(move.from, available - move.count); // two moves from one group share what it holds
    return { ...move, available, fromWeekly, toWeekly, weeklySaving: move.count * (fromWeekly - toWeekly) };
  });
  const weeklySaving = priced.reduce((sum, move) => sum + move.weeklySaving, 0);
  return { date, moves: priced, weeklySaving, annualSaving: weeklySaving * WEEKS_PER_YEAR };
}
