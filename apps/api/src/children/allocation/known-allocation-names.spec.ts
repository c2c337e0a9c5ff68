import { BadRequestException } from '@nestjs/common';
import { knownAllocation, type KnownAllocationNames } from './known-allocation-names';

const known: KnownAllocationNames = {
  teams: ['Children in Care North', 'Children in Care South'],
  socialWorkers: [{ username: 'sw.demo', name: 'Sam Worker (demo)' }],
};

const refusal = (sent: { team: string; socialWorker: string }) => {
  try {
    knownAllocation(known, sent);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as {
      errors: { field: string; rule: string; message: string }[];
    };
  }
  throw new Error('not refused');
};

describe('knownAllocation: a new allocation names a configured team and a social worker who can sign in', () => {
  it('takes a team typed in another case or spacing, and a user id in another case, spelt as configured', () => {
    expect(knownAllocation(known, { team: ' children in care  NORTH', socialWorker: 'SW.Demo' })).toEqual({
      team: 'Children in Care North',
      socialWorker: 'sw.demo',
    });
  });

  it('refuses a team that is not the authority’s, naming the field, the rule and the teams', () => {
    const { errors } = refusal({ team: 'Children in Care East', socialWorker: 'sw.demo' });
    expect(errors).toEqual([
      {
        field: 'team',
        rule: 'knownTeam',
        message:
          'team must be one of the authority\'s teams (Children in Care North, Children in Care South), not "Children in Care East"',
      },
    ]);
  });

  it('refuses a user id nobody signs in with as a social worker, and both fields when both are wrong', () => {
    expect(refusal({ team: 'Children in Care North', socialWorker: 'sw-999' }).errors).toEqual([
      expect.objectContaining({ field: 'socialWorker', rule: 'knownSocialWorker' }),
    ]);
    expect(refusal({ team: 'x', socialWorker: 'sw-999' }).errors.map((e) => e.field)).toEqual([
      'team',
      'socialWorker',
    ]);
    expect(refusal({ team: 'x', socialWorker: 'sw-999' }).errors[1].message).toContain('"sw-999"');
  });

  it('checks only the names given (an amendment gives what it corrects), naming them under the path given', () => {
    const amendment = { effectiveDate: '2025-01-06', team: 'children in care south' };
    const dateOnly = { effectiveDate: '2025-01-06' };
    expect(knownAllocation(known, amendment)).toEqual({
      effectiveDate: '2025-01-06',
      team: 'Children in Care South',
    });
    expect(knownAllocation(known, dateOnly)).toEqual({ effectiveDate: '2025-01-06' });
    let refused: unknown;
    try {
      knownAllocation(known, { socialWorker: 'sw-999' }, 'amendedData');
    } catch (error) {
      refused = (error as BadRequestException).getResponse();
    }
    expect(refused).toMatchObject({
      errors: [
        {
          field: 'amendedData.socialWorker',
          rule: 'knownSocialWorker',
          message: expect.stringMatching(/^amendedData\.socialWorker must be the user id of a social worker/),
        },
      ],
    });
  });
});
