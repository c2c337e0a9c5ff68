/** Every authority measure over one window: a month of the series, or a month to date. */
import type { AuthorityChild } from './authority-child';
import type { AuthorityConfig } from './authority-config';
import type { CostVersion } from './cost-tables';
import { careFlows, type CareFlowsFigure } from './measures/care-flows';
import { lookedAfter, type LookedAfterFigure } from './measures/looked-after';
import type { MeasureWindow } from './measures/measure-window';
import { placementLocation, type PlacementLocationFigure } from './measures/placement-location';
import { placementMix, type PlacementMixFigure } from './measures/placement-mix';
import { placementSpend, type PlacementSpendFigure } from './measures/placement-spend';
import { threePlusPlacements, type ThreePlusFigure } from './measures/placement-stability';
import { planBySecondReview, reviewsInTime, type TimelinessFigure } from './measures/timeliness';
import { evaluateTargets, type TargetResult } from './targets';

export interface MeasuresRow {
  /** YYYY-MM of the window. */
  month: string;
  from: string;
  to: string;
  lookedAfter: LookedAfterFigure;
  flows: CareFlowsFigure;
  placementMix: PlacementMixFigure;
  location: PlacementLocationFigure;
  reviewsInTime: TimelinessFigure;
  planBySecondReview: TimelinessFigure;
  threePlusPlacements: ThreePlusFigure;
  spend: PlacementSpendFigure;
  targets: TargetResult[];
}

export function measuresRow(
  children: readonly AuthorityChild[],
  window: MeasureWindow & { month: string },
  config: AuthorityConfig,
  versions: readonly CostVersion[],
): MeasuresRow {
  const row: Omit<MeasuresRow, 'targets'> = {
    month: window.month,
    from: window.from,
    to: window.to,
    lookedAfter: lookedAfter(children, window, config),
    flows: careFlows(children, window),
    placementMix: placementMix(children, window),
    location: placementLocation(children, window, config),
    reviewsInTime: reviewsInTime(children, window),
    planBySecondReview: planBySecondReview(children, window),
    threePlusPlacements: threePlusPlacements(children, window),
    spend: placementSpend(children, window, versions),
  };
  return { ...row, targets: evaluateTargets(row, config.targets) };
}
