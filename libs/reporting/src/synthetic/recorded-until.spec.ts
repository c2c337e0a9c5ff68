import { authorityOptions } from './authority-options';
import { generateAuthority } from './generate-authority';
import { syntheticEventId } from './generate-child';
import { runJourney } from './journey-runner';

const base = { children: 300, seed: 'recorded-until', years: 2, yearEnding: '2026-10-13' };
const latestNow = (options: Parameters<typeof generateAuthority>[0]): string => {
  let latest = '';
  for (const child of generateAuthority(options))
    for (const command of child.commands) if (command.now > latest) latest = command.now;
  return latest;
};

describe('recordedUntil: a demo seeded today stamps nothing in the future', () => {
  const until = '2026-11-27T09:15:00Z';

  it('Given late write-ups drawn past the seeding moment, When capped, Then none is recorded after it', () => {
    // Without the cap, some reviews or plans of this cohort are written up after `until`.
    expect(latestNow(authorityOptions(base)) > until).toBe(true);
    const capped = authorityOptions({ ...base, recordedUntil: until });
    expect(latestNow(capped) <= until).toBe(true);
    // And every capped journey still goes through the decider.
    for (const child of generateAuthority(capped)) {
      const childId = child.profile.childId;
      expect(() => runJourney(childId, child.commands, (n) => syntheticEventId(childId, n))).not.toThrow();
    }
  });

  it.each([
    ['not an instant', 'yesterday', 'recordedUntil must be an ISO-8601 instant with a zone'],
    ['no zone', '2026-11-27T09:15:00', 'recordedUntil must be an ISO-8601 instant with a zone'],
    [
      'too soon after yearEnding',
      '2026-10-20T00:00:00Z',
      'recordedUntil must be at least 11 days after yearEnding',
    ],
  ])('refuses %s', (_name, recordedUntil, message) => {
    expect(() => authorityOptions({ ...base, recordedUntil })).toThrow(message);
  });
});
