// The journey domain functions the replay folds with, imported in one place so a move in the
// domain's public surface is a one-line change here.
export { foldJourney } from '../../../journey/src/evolve';
export { resolveCorrections, isCorrection } from '../../../journey/src/resolve-corrections';
export type { JourneyState } from '../../../journey/src/state';
// Drift rules and the summary they read (no package index for projections yet).
export { buildSummary } from '../../../projections/src/summary/build-summary';
export { evaluateDrift, type DriftEvaluation } from '../../../projections/src/rules/evaluate-drift';
export { DEFAULT_DRIFT_CONFIG, type DriftConfig } from '../../../projections/src/rules/drift-config';
