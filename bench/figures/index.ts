import type { BenchOptions, Measurement } from '../support/measurement';
import { appendBatched } from './append-batched';
import { appendSingle } from './append-single';
import { readAll } from './read-all';

/** Every figure of the bench, in run order. Add a figure: write a Measurement factory, list it here. */
export function allFigures(options: BenchOptions): Measurement[] {
  return [appendBatched(options), appendSingle(options), readAll(options)];
}
