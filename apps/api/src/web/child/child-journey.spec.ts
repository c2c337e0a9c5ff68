import { parseReplayForm } from './child-journey';

describe('parseReplayForm: "as known at" a bare date', () => {
  it('given a summer date, then it means the end of that day in England (23:59:59.999 BST)', () =>
    expect(parseReplayForm({ knownAt: '2023-07-01' }).point.knownAt).toBe('2023-07-01T22:59:59.999Z'));
  it('given a winter date, then the end of the day is 23:59:59.999Z (GMT)', () =>
    expect(parseReplayForm({ knownAt: '2023-12-01' }).point.knownAt).toBe('2023-12-01T23:59:59.999Z'));
  it('given the day the clocks go forward, then it ends an hour before midnight UTC', () =>
    expect(parseReplayForm({ knownAt: '2026-03-29' }).point.knownAt).toBe('2026-03-29T22:59:59.999Z'));
  it('given the day the clocks go back, then it ends at midnight UTC', () =>
    expect(parseReplayForm({ knownAt: '2026-10-25' }).point.knownAt).toBe('2026-10-25T23:59:59.999Z'));
  it('keeps an instant with a zone as given (in UTC)', () =>
    expect(parseReplayForm({ knownAt: '2023-07-01T23:30:00+01:00' }).point.knownAt).toBe(
      '2023-07-01T22:30:00.000Z',
    ));
  it('refuses a date that does not exist, naming the field', () => {
    const form = parseReplayForm({ knownAt: '2023-02-30' });
    expect(form.point.knownAt).toBeUndefined();
    expect(form.errors.map((e) => e.fieldId)).toEqual(['knownAt']);
  });
});
