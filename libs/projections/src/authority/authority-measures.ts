/**
 * The authority measures over a set of children: prepared once (groups, distances, deadlines),
 * then asked for a monthly series, a day, the children behind a figure or a change in mix.
 */
import type { CalendarDate } from '@care-journey/journey';
import { prepareChildren, type AuthorityChild } from './authority-child';
import type { AuthorityConfig } from './authority-config';
import { childrenBehind, type ChildrenBehind, type MeasureId } from './children-behind';
import { costVersions, type CostVersion } from './cost-tables';
import type { MeasureWindow } from './measures/measure-window';
import { mixWhatIf, type MixMove, type WhatIfResult } from './measures/mix-what-if';
import { measuresRow, type MeasuresRow } from './measures-row';
import { monthToDate, monthWindows, type MonthWindow } from './month-range';
import { monthlySeries } from './monthly-series';
import type { AuthorityChildInput } from './placement-details';

export class AuthorityMeasures {
  readonly children: readonly AuthorityChild[];
  private readonly versions: readonly CostVersion[];

  constructor(
    inputs: Iterable<AuthorityChildInput>,
    readonly config: AuthorityConfig,
    prepared?: readonly AuthorityChild[],
  ) {
    this.children = prepared ?? prepareChildren(inputs, config);
    this.versions = costVersions(config);
  }

  /** Over children already prepared with this config (the log keeps them between calls). */
  static fromPrepared(children: readonly AuthorityChild[], config: AuthorityConfig): AuthorityMeasures {
    return new AuthorityMeasures([], config, children);
  }

  /** One row per calendar month from `from` to `to` (YYYY-MM or dates); `today` holds back deadlines not yet due. */
  monthlySeries(from: string, to: string, today?: CalendarDate): MeasuresRow[] {
    return monthlySeries(this.children, monthWindows(from, to), this.config, this.versions, today);
  }

  /** Stocks on the day, flows over its month up to it. */
  asAt(date: CalendarDate, today?: CalendarDate): MeasuresRow {
    return this.row(monthToDate(date), today);
  }

  behind(measure: MeasureId, window: MeasureWindow): ChildrenBehind {
    return childrenBehind(this.children, measure, window, this.config, this.versions);
  }

  whatIf(date: CalendarDate, moves: readonly MixMove[]): WhatIfResult {
    return mixWhatIf(this.children, date, this.versions, moves);
  }

  private row(window: MonthWindow, today?: CalendarDate): MeasuresRow {
    return measuresRow(this.children, { ...window, today }, this.config, this.versions);
  }
}
