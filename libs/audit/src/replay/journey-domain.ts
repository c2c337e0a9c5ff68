// The domain and drift functions the replay folds with, imported in one place.
export { foldJourney, resolveCorrections, isCorrection, type JourneyState } from '@care-journey/journey';
export {
  buildSummary,
  summaryFromStream,
  evaluateDrift,
  flagHistory,
  driftReport,
  DEFAULT_DRIFT_CONFIG,
  DRIFT_RULES,
  type DriftRuleId,
  type DriftConfig,
  type DriftEvaluation,
  type FlagHistoryEntry,
  type DriftReport,
  type DriftReportFilter,
  type DriftReportRow,
} from '@care-journey/projections';
