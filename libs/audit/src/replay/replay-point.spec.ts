import { parsePointSpec, parseReplayPoint } from './replay-point';

describe('replay points', () => {
  it('accepts either axis or both, normalising knownAt to UTC', () => {
    expect(parseReplayPoint({ asAt: '2024-03-31', knownAt: '2024-04-01T01:00:00+01:00' })).toEqual({
      point: { asAt: '2024-03-31', knownAt: '2024-04-01T00:00:00.000Z' },
    });
    expect(parseReplayPoint({})).toEqual({ point: {} });
  });

  it('names each bad field and the rule', () => {
    expect(parseReplayPoint({ asAt: '2024-02-30', knownAt: '2024-04-01T10:00' })).toEqual({
      errors: [
        { field: 'asAt', rule: expect.stringContaining('YYYY-MM-DD') },
        { field: 'knownAt', rule: expect.stringContaining('with a zone') },
      ],
    });
  });

  it('reads diff sides written as asAt:…, knownAt:… or both', () => {
    expect(parsePointSpec('asAt:2024-03-31', 'from')).toEqual({ point: { asAt: '2024-03-31' } });
    expect(parsePointSpec('knownAt:2024-04-01T00:00:00Z,asAt:2024-03-31', 'to')).toEqual({
      point: { asAt: '2024-03-31', knownAt: '2024-04-01T00:00:00.000Z' },
    });
  });

  it.each(['', 'yesterday', 'asAt=2024-01-01', 'asAt:2024-01-01,asAt:2024-01-02', 'when:2024-01-01'])(
    'refuses the diff side %j',
    (spec) => {
      expect(parsePointSpec(spec, 'from')).toEqual({
        errors: [{ field: 'from', rule: expect.stringContaining('asAt:YYYY-MM-DD') }],
      });
    },
  );

  it('names the side and axis of a bad value', () => {
    expect(parsePointSpec('asAt:2024-13-01', 'to')).toEqual({
      errors: [{ field: 'to.asAt', rule: expect.any(String) }],
    });
  });

  it('Given a bare date as knownAt (review s16-ofsted F4), When the point is read, Then it is the end of that day in England, as on /flags and the drift report as known', () => {
    expect(parseReplayPoint({ asAt: '2026-03-31', knownAt: '2026-03-31' })).toEqual({
      point: { asAt: '2026-03-31', knownAt: '2026-03-31T22:59:59.999Z' },
    });
    expect(parseReplayPoint({ knownAt: '2026-01-15' })).toEqual({
      point: { knownAt: '2026-01-15T23:59:59.999Z' },
    });
    expect(parsePointSpec('knownAt:2026-11-27', 'from')).toEqual({
      point: { knownAt: '2026-11-27T23:59:59.999Z' },
    });
  });
});
