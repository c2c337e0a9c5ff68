import type { CorrectionLink } from '@care-journey/audit';
import type { JourneySummary } from '@care-journey/projections';
import type { ChildJourney } from './child-journey';
import { journeyWithoutPersonalData, WITHHELD } from './journey-without-personal-data';

const amendment: CorrectionLink = {
  eventId: 'e9',
  kind: 'amended',
  recordedAt: '2024-07-01T09:00:00Z',
  recordedBy: 'sw-1',
  reason: "Ruby's aunt Jane Doe said the date was wrong",
  changes: [{ path: 'effectiveDate', from: '2024-06-04', to: '2024-06-05' }],
};

const audit = {
  id: 'e3',
  type: 'GoingHomeAuditCompleted',
  data: {
    childId: 'c1',
    effectiveDate: '2024-08-01',
    outcome: 'Not safe to return home: Ruby’s father Tom Doe still drinks',
    nextAction: 'Confirm long-term plan at permanency panel',
  },
};
const review = {
  id: 'e4',
  type: 'StatutoryReviewHeld',
  data: { effectiveDate: '2024-09-01', participation: 'PN1' },
};

const journey = {
  summary: { childId: 'c1', childRef: 'CJ0001', name: 'Ruby Example', dateOfBirth: '2019-03-02' },
  corrections: new Map([['e2', [amendment]]]),
  entries: [audit, review],
  withdrawn: [
    {
      entry: audit,
      withdrawnAt: '2024-08-02T09:00:00Z',
      withdrawnBy: 'sw-1',
      reason: 'Jane Doe’s visit, wrong child',
    },
  ],
} as unknown as ChildJourney;

describe('journeyWithoutPersonalData', () => {
  it('Given a corrected entry, when shown to a role without personal data, then the reason is withheld and the rest kept', () => {
    const shown = journeyWithoutPersonalData(journey);
    expect(shown.corrections.get('e2')).toEqual([{ ...amendment, reason: WITHHELD }]);
  });

  it('Given a named child, when shown to a role without personal data, then no name or date of birth is left', () => {
    const shown = journeyWithoutPersonalData(journey);
    expect(shown.summary).toMatchObject({ childRef: 'CJ0001', name: '' });
    expect((shown.summary as JourneySummary).dateOfBirth).toBeUndefined();
  });

  it('Given a going-home audit, when shown to a role without personal data, then what it found and what happens next are withheld', () => {
    const shown = journeyWithoutPersonalData(journey);
    expect(shown.entries[0]).toMatchObject({
      id: 'e3',
      type: 'GoingHomeAuditCompleted',
      data: { effectiveDate: '2024-08-01', outcome: WITHHELD, nextAction: WITHHELD },
    });
    expect(shown.entries[1]).toBe(review);
  });

  it('Given a withdrawn going-home audit, when shown to a role without personal data, then the reason and its free text are withheld', () => {
    const [shown] = journeyWithoutPersonalData(journey).withdrawn;
    expect(shown).toMatchObject({ withdrawnBy: 'sw-1', reason: WITHHELD });
    expect(shown.entry.data).toMatchObject({ outcome: WITHHELD, nextAction: WITHHELD });
  });

  it('leaves the journey it was given unchanged (the read model keeps its own copy)', () => {
    journeyWithoutPersonalData(journey);
    expect(journey.corrections.get('e2')?.[0].reason).toBe(amendment.reason);
    expect(journey.summary.name).toBe('Ruby Example');
    expect(journey.entries[0]).toBe(audit);
    expect(audit.data.outcome).toMatch(/^Not safe/);
  });
});
