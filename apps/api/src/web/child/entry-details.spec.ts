import type { StoredJourneyEvent } from '@care-journey/journey';
import { entryDetails } from './entry-details';

const entry = (type: string, data: Record<string, unknown>) =>
  ({
    id: 'e1',
    type,
    data: { childId: 'c1', effectiveDate: '2024-05-10', ...data },
  }) as unknown as StoredJourneyEvent;

describe('entryDetails', () => {
  it('Given an entry to care, when listed, then the legal status and placement codes carry their meanings', () => {
    expect(
      entryDetails(
        entry('PeriodOfCareStarted', {
          legalStatus: 'C1',
          categoryOfNeed: 'N1',
          placement: { placementType: 'U4' },
        }),
      ),
    ).toBe(
      'legal status C1 Interim care order, placement U4 Foster placement with other foster carer, long-term fostering',
    );
  });

  it('Given a review, when listed, then the participation code is explained', () => {
    expect(entryDetails(entry('StatutoryReviewHeld', { participation: 'PN5' }))).toBe(
      'participation PN5 Child absent, briefs an advocate to speak for them',
    );
  });

  it('reads a reason in the code list of its event type', () => {
    expect(entryDetails(entry('PeriodOfCareEnded', { reason: 'E2' }))).toBe('reason E2 Died');
    expect(entryDetails(entry('AdoptionDecisionReversed', { reason: 'RD1' }))).toBe(
      "reason RD1 The child's needs changed",
    );
    expect(entryDetails(entry('PlacementChanged', { reasonForChange: 'CARPL' }))).toMatch(
      /reason CARPL Change to or implementation of the care plan/,
    );
  });

  it('shows a code it does not know as it is', () => {
    expect(entryDetails(entry('StatutoryReviewHeld', { participation: 'PN9' }))).toBe('participation PN9');
  });

  it('Given a going-home audit, when listed, then what it found and what happens next are shown', () => {
    expect(
      entryDetails(
        entry('GoingHomeAuditCompleted', {
          outcome: 'Not safe to return home',
          nextAction: 'Confirm long-term plan at permanency panel',
        }),
      ),
    ).toBe('found: Not safe to return home; next: Confirm long-term plan at permanency panel');
  });

  it('Given annual health outcomes (OC2), when listed, then the SDQ score and each recorded item are in words', () => {
    expect(
      entryDetails(
        entry('AnnualHealthOutcomesRecorded', {
          sdqScore: 14,
          healthCheck: true,
          immunisations: true,
          teethCheck: false,
          healthAssessment: true,
          substanceMisuse: false,
        }),
      ),
    ).toBe(
      'SDQ score 14, health check yes, immunisations up to date yes, teeth checked no, health assessment yes, substance misuse problem no',
    );
  });

  it('Given health outcomes without an SDQ score, when listed, then the reason code is explained', () => {
    expect(
      entryDetails(
        entry('AnnualHealthOutcomesRecorded', {
          sdqReason: 'SDQ2',
          immunisations: false,
          teethCheck: true,
          healthAssessment: true,
          substanceMisuse: false,
          convicted: false,
        }),
      ),
    ).toMatch(/^no SDQ score: SDQ2 Carer\(s\) refused .*, convicted or given a final warning no$/);
  });
});
