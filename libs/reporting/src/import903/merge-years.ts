/**
 * Consecutive returns repeat facts: an episode open on 31 March is in both years, blank-ended in
 * the first and ended in the second. Facts with the same key are merged (the later year fills in
 * the ending); any other difference is a conflict the authority must resolve.
 */
import type { ChildFacts, DecisionFact, EpisodeFact, HeaderFact, MissingFact, ReviewFact } from './facts';
import { issueAt, where, type ImportIssue } from './issues';

type Keyed<F> = { key: (f: F) => string; fixed: (keyof F)[]; ending: (keyof F)[] };

const EPISODE: Keyed<EpisodeFact> = {
  key: (f) => f.decom,
  fixed: ['rne', 'ls', 'cin', 'place', 'provider', 'placementPostcode', 'urn'],
  ending: ['dec', 'rec', 'reasonPlaceChange'],
};
const MISSING: Keyed<MissingFact> = { key: (f) => f.start, fixed: ['kind'], ending: ['end'] };
const DECISION: Keyed<DecisionFact> = { key: (f) => f.date, fixed: [], ending: ['ceased', 'reason'] };
const REVIEW: Keyed<ReviewFact> = { key: (f) => f.date, fixed: ['participation'], ending: [] };

const FIELD_NAMES: Record<string, string> = {
  rne: 'RNE',
  ls: 'LS',
  cin: 'CIN',
  place: 'PLACE',
  provider: 'PLACE_PROVIDER',
  placementPostcode: 'PL_POST',
  urn: 'URN',
  dec: 'DEC',
  rec: 'REC',
  reasonPlaceChange: 'REASON_PLACE_CHANGE',
  kind: 'MISSING',
  end: 'MIS_END',
  ceased: 'DATE_PLACED_CEASED',
  reason: 'REASON_PLACED_CEASED',
  participation: 'REVIEW_CODE',
  sex: 'SEX',
  dob: 'DOB',
};

function mergeKeyed<F extends { child: string; src: EpisodeFact['src'] }>(
  facts: readonly F[],
  spec: Keyed<F>,
  issues: ImportIssue[],
): F[] {
  const byKey = new Map<string, F>();
  for (const fact of facts) {
    const key = spec.key(fact);
    const earlier = byKey.get(key);
    if (!earlier) {
      byKey.set(key, fact);
      continue;
    }
    const conflict = (field: keyof F, why: string) =>
      issues.push(
        issueAt(
          fact.src,
          fact.child,
          FIELD_NAMES[String(field)] ?? String(field),
          `${why} (${where(earlier.src)})`,
        ),
      );
    let ok = true;
    for (const field of spec.fixed) {
      if (earlier[field] !== fact[field]) {
        conflict(
          field,
          `${JSON.stringify(fact[field] ?? '')} differs from ${JSON.stringify(earlier[field] ?? '')} in the earlier year`,
        );
        ok = false;
      }
    }
    const earlierEnded = spec.ending.some((f) => earlier[f] !== undefined);
    const laterEnded = spec.ending.some((f) => fact[f] !== undefined);
    if (earlierEnded && !laterEnded) {
      conflict(spec.ending[0], 'ended in the earlier year but open in this one');
      ok = false;
    } else if (earlierEnded && laterEnded) {
      for (const field of spec.ending) {
        if (earlier[field] !== fact[field]) {
          conflict(
            field,
            `${JSON.stringify(fact[field] ?? '')} differs from ${JSON.stringify(earlier[field] ?? '')} in the earlier year`,
          );
          ok = false;
        }
      }
    }
    // The later year's row is the fuller one (it knows how the fact ended).
    if (ok) byKey.set(key, fact);
  }
  return [...byKey.values()];
}

function mergeHeaders(headers: readonly HeaderFact[], issues: ImportIssue[]): HeaderFact[] {
  if (headers.length === 0) return [];
  const first = headers[0];
  for (const h of headers.slice(1)) {
    for (const field of ['dob', 'sex'] as const) {
      if (h[field] !== first[field])
        issues.push(
          issueAt(
            h.src,
            h.child,
            FIELD_NAMES[field],
            `${h[field]} differs from ${first[field]} (${where(first.src)})`,
          ),
        );
    }
  }
  const latest = latestHeader(headers);
  return latest ? [latest] : [];
}

/**
 * The Header row a child is registered from: UPN and ethnicity may be updated between years, and
 * the latest return wins. Undefined for a child with no Header row.
 */
export const latestHeader = (headers: readonly HeaderFact[]): HeaderFact | undefined =>
  headers[headers.length - 1];

/** Merges in place-order (returns oldest first); conflicts go to `issues`. */
export function mergeYears(facts: ChildFacts, issues: ImportIssue[]): ChildFacts {
  const byDate =
    <F extends { src: EpisodeFact['src'] }>(key: (f: F) => string) =>
    (a: F, b: F) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    ...facts,
    headers: mergeHeaders(facts.headers, issues),
    episodes: mergeKeyed(facts.episodes, EPISODE, issues).sort(byDate((f) => f.decom)),
    reviews: mergeKeyed(facts.reviews, REVIEW, issues).sort(byDate((f) => f.date)),
    missing: mergeKeyed(facts.missing, MISSING, issues).sort(byDate((f) => f.start)),
    decisions: mergeKeyed(facts.decisions, DECISION, issues).sort(byDate((f) => f.date)),
  };
}
