/**
 * The parts of a summary a rule reads (its `reads`), as bits: asked after every event by the
 * feed's flag tracker and at every step of the superseded-breach walk, where sets and array
 * searches were a measurable share of a rebuild. Bits are given out as parts are first seen
 * (there are fewer than 31 parts).
 */
import type { SummaryFacet } from '../summary/summary-facets';
import type { DriftRule } from './drift-rule';

const facetBits = new Map<SummaryFacet, number>();

export function facetMask(facets: readonly SummaryFacet[]): number {
  let mask = 0;
  for (const facet of facets) {
    let bit = facetBits.get(facet);
    if (bit === undefined) facetBits.set(facet, (bit = 1 << facetBits.size));
    mask |= bit;
  }
  return mask;
}

/** A rule without `reads` reads everything, even a change of nothing. */
export const READS_ALL = -1;

const readMasksOf = new WeakMap<readonly DriftRule[], Int32Array>();

/** Each rule's parts as bits, worked out once per rule list (a tracker and a walk are made per child). */
export function readMasks(rules: readonly DriftRule[]): Int32Array {
  let masks = readMasksOf.get(rules);
  if (masks === undefined) {
    masks = Int32Array.from(rules, (rule) => (rule.reads === undefined ? READS_ALL : facetMask(rule.reads)));
    readMasksOf.set(rules, masks);
  }
  return masks;
}

/** Whether a rule with these read bits reads one of the changed parts. */
export const readsAny = (reads: number, change: number): boolean =>
  reads === READS_ALL || (reads & change) !== 0;
