import { BadRequestException } from '@nestjs/common';
import { diffPoints } from './diff-points';

const errorsOf = (query: Record<string, string>): { field: string; rule: string }[] => {
  try {
    diffPoints(query);
  } catch (error) {
    return ((error as BadRequestException).getResponse() as { errors: { field: string; rule: string }[] })
      .errors;
  }
  throw new Error('expected a 400');
};

describe('diffPoints', () => {
  it('reads either form for each side', () => {
    expect(
      diffPoints({
        from: 'asAt:2024-01-31,knownAt:2024-02-01T00:00:00Z',
        toKnownAt: '2024-03-01T01:00:00+01:00',
      }),
    ).toEqual({
      from: { asAt: '2024-01-31', knownAt: '2024-02-01T00:00:00.000Z' },
      to: { knownAt: '2024-03-01T00:00:00.000Z' },
    });
  });

  it('requires both sides and names the missing one', () => {
    expect(errorsOf({ from: 'asAt:2024-01-31' })).toEqual([
      expect.objectContaining({ field: 'to', rule: 'isDefined' }),
    ]);
  });

  it('refuses both forms for one side', () => {
    expect(errorsOf({ from: 'asAt:2024-01-31', fromAsAt: '2024-01-31', to: 'asAt:2024-02-01' })).toEqual([
      expect.objectContaining({ field: 'from', rule: 'oneForm' }),
    ]);
  });

  it('names the side and axis of a bad value', () => {
    expect(errorsOf({ from: 'asAt:2024-02-30', to: 'knownAt:soon' }).map((e) => e.field)).toEqual([
      'from.asAt',
      'to.knownAt',
    ]);
  });
});
