import { DEFAULT_DRIFT_CONFIG, emptySummary, type JourneySummary } from '@care-journey/projections';
import { readModelRows } from './read-model-rows';

const rowsOf = (summaries: JourneySummary[]) => [
  ...readModelRows('child-summaries', summaries, {
    personal: false,
    asAt: '2026-11-28',
    drift: DEFAULT_DRIFT_CONFIG,
  }),
];

describe('read-model export rows: a registration withdrawn as made in error (review s14 F10)', () => {
  const registered: JourneySummary = {
    ...emptySummary('kept'),
    childRef: 'REV0001',
    registeredEventId: 'e1',
    eventCount: 1,
  };
  // What the fold leaves of a child whose only entry, the registration, was withdrawn.
  const withdrawn: JourneySummary = { ...emptySummary('withdrawn'), eventCount: 0 };

  it('Given a registered child and a withdrawn registration, When child-summaries is exported, Then only the registered child has a row', () => {
    expect(rowsOf([registered, withdrawn]).map((row) => row.childId)).toEqual(['kept']);
  });
});
