// The journey domain functions the replay folds with, imported in one place so a move in the
// domain's public surface is a one-line change here.
export { foldJourney } from '../../../journey/src/evolve';
export { resolveCorrections, isCorrection } from '../../../journey/src/resolve-corrections';
export type { JourneyState } from '../../../journey/src/state';
