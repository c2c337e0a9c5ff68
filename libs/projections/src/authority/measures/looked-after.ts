/** Children looked after on the day, and the rate per 10,000 children when a population is set. */
import type { AuthorityChild } from '../authority-child';
import type { AuthorityConfig } from '../authority-config';
import { behindRow, careOn, type ChildBehind, type MeasureWindow } from './measure-window';

export interface LookedAfterFigure {
  date: string;
  count: number;
  /** count ÷ child population × 10,000, 1 dp; null when no population is configured. */
  ratePer10000: number | null;
}

export function lookedAfter(
  children: readonly AuthorityChild[],
  window: MeasureWindow,
  config: AuthorityConfig,
  behind?: ChildBehind[],
): LookedAfterFigure {
  let count = 0;
  for (const child of children) {
    const spell = careOn(child, window.to);
    if (!spell) continue;
    count += 1;
    behind?.push(behindRow(child, { periodStart: spell.start }));
  }
  const population = config.childPopulation;
  const ratePer10000 = population ? Math.round((count / population) * 100_000) / 10 : null;
  return { date: window.to, count, ratePer10000 };
}
