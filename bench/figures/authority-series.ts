import type { StoredJourneyEvent } from '@care-journey/journey';
import type { Row } from '../support/row';
import { toStored } from '../support/stored';
import { progress, timed } from '../support/timing';
import type { NewEvent } from '@care-journey/event-store';
import type { Template } from '../workload/templates';

type AuthorityModule = typeof import('../../libs/projections/src/authority');

/** libs/projections/src/authority is being written by another engineer: loaded only if present. */
function loadAuthorityMeasures(): AuthorityModule | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('../../libs/projections/src/authority') as AuthorityModule;
  } catch {
    return undefined;
  }
}

/** Ten years of monthly authority measures over every child of the authority. */
export async function authoritySeriesRow(templates: readonly Template[], children: number): Promise<Row> {
  const chosen = templates.slice(0, children);
  const figure = `authority measures, monthly series over 10 years, ${chosen.length.toLocaleString('en-GB')} children`;
  const measures = loadAuthorityMeasures();
  if (!measures?.AuthorityMeasures)
    return {
      figure,
      ours: 0,
      unit: 'ms',
      peakRssMb: 0,
      notMeasured: 'not yet measured: authority measures not available',
    };
  progress('authority measures…');
  // The cohort's distinct children: ten years of history each (seedStore's authority has three).
  const inputs = chosen.map((t) =>
    measures.authorityInputFromStream(
      t.childId,
      t.json.map((text) => toStored(JSON.parse(text) as NewEvent)) as StoredJourneyEvent[],
    ),
  );
  const run = await timed(() =>
    new measures.AuthorityMeasures(inputs, measures.DEFAULT_AUTHORITY_CONFIG).monthlySeries(
      '2015-04',
      '2025-03',
    ),
  );
  return {
    figure,
    ours: run.seconds * 1000,
    unit: 'ms',
    goal: 'time reported (no target)',
    peakRssMb: run.peakRssMb,
    note: `${run.result.length} months from ${inputs.length} children (prepare + series, summaries already built)`,
  };
}
