/** The children behind one measure in one window, with the detail that put each of them there. */
import type { AuthorityChild } from './authority-child';
import type { AuthorityConfig } from './authority-config';
import type { CostVersion } from './cost-tables';
import { careFlows } from './measures/care-flows';
import { lookedAfter } from './measures/looked-after';
import type { ChildBehind, MeasureWindow } from './measures/measure-window';
import { placementLocation } from './measures/placement-location';
import { placementMix } from './measures/placement-mix';
import { placementSpend } from './measures/placement-spend';
import { threePlusPlacements } from './measures/placement-stability';
import { planBySecondReview, reviewsInTime } from './measures/timeliness';

export const MEASURE_IDS = [
  'looked-after',
  'started',
  'ceased',
  'placement-mix',
  'location',
  'reviews-in-time',
  'plan-by-second-review',
  'three-plus-placements',
  'spend',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

export const isMeasureId = (value: unknown): value is MeasureId =>
  typeof value === 'string' && (MEASURE_IDS as readonly string[]).includes(value);

export interface ChildrenBehind {
  measure: MeasureId;
  from: string;
  to: string;
  figure: unknown;
  children: ChildBehind[];
}

export function childrenBehind(
  children: readonly AuthorityChild[],
  measure: MeasureId,
  window: MeasureWindow,
  config: AuthorityConfig,
  versions: readonly CostVersion[],
): ChildrenBehind {
  const rows: ChildBehind[] = [];
  const figure = ((): unknown => {
    switch (measure) {
      case 'looked-after':
        return lookedAfter(children, window, config, rows);
      case 'started':
        return careFlows(children, window, { started: rows }).started;
      case 'ceased':
        return careFlows(children, window, { ceased: rows });
      case 'placement-mix':
        return placementMix(children, window, rows);
      case 'location':
        return placementLocation(children, window, config, rows);
      case 'reviews-in-time':
        return reviewsInTime(children, window, rows);
      case 'plan-by-second-review':
        return planBySecondReview(children, window, rows);
      case 'three-plus-placements':
        return threePlusPlacements(children, window, rows);
      case 'spend':
        return placementSpend(children, window, versions, rows);
    }
  })();
  return { measure, from: window.from, to: window.to, figure, children: rows };
}
