import { Clock } from './clock';
import { isoNow } from './iso-now';

describe('isoNow and Clock.now', () => {
  it('Given a run of instants across seconds, days, years and 1970, When each is asked, Then it is written exactly as toISOString writes it', () => {
    const instants = [
      Date.parse('2026-11-28T13:59:59.998Z'),
      Date.parse('2026-11-28T13:59:59.999Z'),
      Date.parse('2026-11-28T14:00:00.000Z'),
      Date.parse('2026-11-28T14:00:00.007Z'),
      Date.parse('2026-11-28T14:00:00.070Z'),
      Date.parse('2026-12-31T23:59:59.999Z'),
      Date.parse('2027-01-01T00:00:00.001Z'),
      Date.parse('2026-11-28T14:00:00.500Z'), // back in time: a new prefix again
      -1,
      -1001,
      0,
      Date.parse('+012345-06-07T08:09:10.011Z'),
    ];
    for (const ms of instants) expect(isoNow(ms)).toBe(new Date(ms).toISOString());
  });

  it('Given the real clock, When asked twice, Then each answer is a valid instant no earlier than the one before', () => {
    const clock = new Clock();
    const first = clock.now();
    const second = clock.now();
    expect(new Date(first).toISOString()).toBe(first);
    expect(Date.parse(second)).toBeGreaterThanOrEqual(Date.parse(first));
  });
});
