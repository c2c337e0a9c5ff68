import { BadRequestException } from '@nestjs/common';
import { journeyStateOf, type JourneyCommand, type JourneyEvent } from '@care-journey/journey';
import type { AllocationNames } from '../allocation/allocation-names';
import { AmendmentPreconditions } from './amendment-preconditions';

const registered: JourneyEvent = {
  type: 'ChildRegistered',
  data: {
    childId: 'c1',
    effectiveDate: '2023-12-01',
    childRef: 'LA-1',
    name: 'Alex Example',
    dateOfBirth: '2015-01-01',
    sex: '2',
    ethnicity: 'WBRI',
    upn: 'A123456789012',
    uasc: false,
    relinquishedAtBirth: false,
    team: 'Children in Care North',
    socialWorker: 'sw.demo',
  },
};
const reviewHeld = {
  type: 'StatutoryReviewHeld',
  data: { childId: 'c1', effectiveDate: '2024-01-09', participation: 'PN1' },
} as JourneyEvent;
/** The registration is stored as e1 and a review as e2 (journeyStateOf numbers the events it is given). */
const REGISTERED = journeyStateOf([registered, reviewHeld]);
const sent = { now: '2024-01-10T10:00:00Z', recordedBy: 'alice' };
const review = {
  type: 'RecordReview',
  childId: 'c1',
  effectiveDate: '2024-01-09',
  participation: 'PN1',
  ...sent,
};
const amend = (amendedData: Record<string, unknown>, correctedEventId = 'e1') =>
  ({
    type: 'AmendEntry',
    childId: 'c1',
    correctedEventId,
    reason: 'typo',
    amendedData,
    ...sent,
  }) as JourneyCommand;

/** The field errors a 400 names. */
function errorsOf(check: () => unknown): { field: string; rule: string }[] {
  try {
    check();
  } catch (error) {
    if (error instanceof BadRequestException)
      return (error.getResponse() as { errors: { field: string; rule: string }[] }).errors;
    throw error;
  }
  throw new Error('not refused');
}

function preconditions() {
  const known = jest.fn(() => ({
    teams: ['Children in Care North', 'Children in Care South'],
    socialWorkers: [{ username: 'sw.demo', name: 'Sam Worker (demo)' }],
  }));
  return { known, check: new AmendmentPreconditions({ known } as unknown as AllocationNames) };
}

describe('AmendmentPreconditions: an amendment meets the corrected entry’s rules before it is decided', () => {
  it('Given a child, When an ordinary command is checked, Then it is the same command and no name is read', () => {
    const { known, check } = preconditions();
    const command = review as JourneyCommand;
    expect(check.checked(command, REGISTERED)).toBe(command);
    expect(known).not.toHaveBeenCalled();
  });

  it('Given a review, When an amendment of its participation is checked, Then it passes as it is and no name is read', () => {
    const { known, check } = preconditions();
    const command = amend({ participation: 'PN2' }, 'e2');
    expect(check.checked(command, REGISTERED)).toBe(command);
    expect(known).not.toHaveBeenCalled();
  });

  it('Given a registration, When an amendment gives its team spelt otherwise, Then the team as configured', () => {
    const { known, check } = preconditions();
    const checked = check.checked(amend({ team: ' children in care SOUTH' }), REGISTERED);
    expect(checked).toMatchObject({ amendedData: { team: 'Children in Care South' } });
    expect(known).toHaveBeenCalledTimes(1);
  });

  it('Given a registration, When an amendment names a team that is not configured, Then a 400 naming amendedData.team', () => {
    const { check } = preconditions();
    const errors = errorsOf(() => check.checked(amend({ team: 'Children in Care East' }), REGISTERED));
    expect(errors).toEqual([expect.objectContaining({ field: 'amendedData.team', rule: 'knownTeam' })]);
  });

  it('Given a registration, When an amendment breaks the entry’s own field rules, Then a 400 and no name is read', () => {
    const { known, check } = preconditions();
    const errors = errorsOf(() =>
      check.checked(amend({ team: 'Children in Care North', bogus: 'y' }), REGISTERED),
    );
    expect(errors.map(({ field }) => field)).toContain('amendedData.bogus');
    expect(known).not.toHaveBeenCalled();
  });
});
