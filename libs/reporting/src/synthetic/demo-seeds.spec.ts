/**
 * `npm start` seeds 2,000 children (seed "demo", four years ending 45 days before today) through
 * the journey's own rules: every child must pass, whatever the day, or the demo stops half-written.
 * A few seeds and end dates stand in for "whatever the day".
 */
import { generateAuthority } from './generate-authority';
import { syntheticEventId } from './generate-child';
import { runJourney } from './journey-runner';

jest.setTimeout(120_000);

const refusedChildren = (seed: string, yearEnding: string): string[] => {
  const refused: string[] = [];
  const recordedUntil = new Date(Date.parse(`${yearEnding}T12:00:00Z`) + 45 * 86_400_000).toISOString();
  for (const child of generateAuthority({
    children: 2_000,
    seed,
    years: 4,
    yearEnding,
    la: 'E10000003',
    recordedUntil,
  })) {
    const childId = child.profile.childId;
    try {
      runJourney(childId, child.commands, (n) => syntheticEventId(childId, n));
    } catch (error) {
      refused.push(`${childId}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300));
    }
  }
  return refused;
};

describe('the demo authority seeds whole', () => {
  it.each([
    ['demo', '2026-10-13'],
    ['demo', '2027-02-14'],
    ['s2', '2026-10-13'],
    ['s3', '2026-10-13'],
  ])(
    'Given seed %s ending %s, When its 2,000 children are run through the journey, Then none is refused',
    (seed, yearEnding) => expect(refusedChildren(seed, yearEnding)).toEqual([]),
  );
});
