/**
 * Placement spend from the unit-cost tables. Committed spend as at a day: the weekly cost of every
 * placement open that day (annual = weekly × 52). Spend in a window: each placement costs weekly ÷ 7
 * for each day of the window it is open (start day counted, end day not), at the table in force on
 * that day; totals are rounded to pence at the end. Placements with no unit cost are counted apart.
 */
import type { AuthorityChild, PlacementSpell } from '../authority-child';
import { versionOn, type CostVersion } from '../cost-tables';
import { dayNumber } from '../day-numbers';
import { PLACEMENT_GROUPS, type PlacementGroup } from '../placement-groups';
import { behindRow, careOn, placementOn, type ChildBehind, type MeasureWindow } from './measure-window';

export const WEEKS_PER_YEAR = 52;

export interface PlacementSpendFigure {
  date: string;
  committedWeekly: number;
  committedAnnual: number;
  committedWeeklyByGroup: Record<PlacementGroup, number>;
  /** Placements open on the day with no unit cost in the table. */
  uncosted: number;
  /** Spend over the whole window, pro-rated by day. */
  periodSpend: number;
}

const pence = (value: number): number => Math.round(value * 100) / 100;

/** The cost of one spell over [fromDay, toDay), split wherever the cost table changes. */
export function spellCost(
  spell: PlacementSpell,
  fromDay: number,
  toDay: number,
  versions: readonly CostVersion[],
): number {
  const start = Math.max(spell.startDay, fromDay);
  const end = Math.min(spell.endDay, toDay);
  let cost = 0;
  for (const version of versions) {
    const days = Math.min(end, version.toDay) - Math.max(start, version.fromDay);
    if (days <= 0) continue;
    const weekly = version.weekly(spell.group, spell.providerKind);
    if (weekly !== undefined) cost += (days * weekly) / 7;
  }
  return cost;
}

export function placementSpend(
  children: readonly AuthorityChild[],
  window: MeasureWindow,
  versions: readonly CostVersion[],
  behind?: ChildBehind[],
): PlacementSpendFigure {
  const byGroup = Object.fromEntries(PLACEMENT_GROUPS.map((group) => [group, 0])) as Record<
    PlacementGroup,
    number
  >;
  const fromDay = dayNumber(window.from);
  const toDay = dayNumber(window.to) + 1; // the window's last day is spent too
  const onDay = versionOn(versions, toDay - 1);
  let weekly = 0;
  let uncosted = 0;
  let periodSpend = 0;
  for (const child of children) {
    let childSpend = 0;
    for (const spell of child.placements) {
      if (spell.startDay < toDay && spell.endDay > fromDay)
        childSpend += spellCost(spell, fromDay, toDay, versions);
    }
    periodSpend += childSpend;
    const spell = careOn(child, window.to) ? placementOn(child, window.to) : undefined;
    const rate = spell && onDay?.weekly(spell.group, spell.providerKind);
    if (spell && rate === undefined) uncosted += 1;
    if (spell && rate !== undefined) {
      weekly += rate;
      byGroup[spell.group] += rate;
    }
    if (behind && (spell || childSpend > 0))
      behind.push(
        behindRow(child, {
          group: spell?.group ?? null,
          weeklyCost: rate ?? null,
          periodSpend: pence(childSpend),
        }),
      );
  }
  return {
    date: window.to,
    committedWeekly: pence(weekly),
    committedAnnual: pence(weekly * WEEKS_PER_YEAR),
    committedWeeklyByGroup: byGroup,
    uncosted,
    periodSpend: pence(periodSpend),
  };
}
