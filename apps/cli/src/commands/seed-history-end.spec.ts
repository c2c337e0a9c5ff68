import { seedHistoryEnd } from './seed-history-end';

const now = new Date('2026-11-27T23:10:00Z');

describe('seed --year-ending: nothing dated or recorded in the future', () => {
  it('Given a history ending after today, then it is refused naming --year-ending and the rule', () => {
    const answer = seedHistoryEnd('2027-03-31', now);
    expect(answer).toEqual({
      ok: false,
      message: expect.stringContaining('--year-ending 2027-03-31 is too late'),
    });
    expect(!answer.ok && answer.message).toMatch(/latest is 2026-11-16.*date-in-future.*nothing was written/);
  });

  it('Given a history ending within the 10 days its care and placements are recorded in, then it is refused', () =>
    expect(seedHistoryEnd('2026-11-20', now).ok).toBe(false));

  it('Given a history that ended recently, then late write-ups are capped at now', () =>
    expect(seedHistoryEnd('2026-11-16', now)).toEqual({ ok: true, recordedUntil: now.toISOString() }));

  it('Given a history that ended long ago, then nothing is capped (same options, same authority)', () =>
    expect(seedHistoryEnd('2025-03-31', now)).toEqual({ ok: true, recordedUntil: undefined }));

  it.each(['2025-02-30', '31/03/2025', 'soon'])(
    'Given --year-ending %s, then it is refused as not a date',
    (date) =>
      expect(seedHistoryEnd(date, now)).toEqual({
        ok: false,
        message: expect.stringContaining('--year-ending must be a calendar date'),
      }),
  );
});
