/**
 * Property: whatever the seed, the span of history (1–10 years) and the child, the generator draws a
 * journey the real decider accepts in full, written the way the 903 validator accepts it. The
 * examples are the children that broke it (seed, years, index), kept as regressions.
 */
import fc from 'fast-check';
import type { JourneyCommand } from '@care-journey/journey';
import { authorityOptions } from './authority-options';
import { generateChild, syntheticEventId } from './generate-child';
import { runJourney } from './journey-runner';

const childAt = (seed: string, years: number, index: number) =>
  generateChild(authorityOptions({ seed, years, yearEnding: '2025-03-31' }), index);

const accepted = (commands: JourneyCommand[], childId: string) =>
  runJourney(childId, commands, (n) => syntheticEventId(childId, n));

/** Missing episodes as [start, end] pairs, in the order they were drawn. */
function missingEpisodes(commands: readonly JourneyCommand[]): [string, string][] {
  const starts = commands.filter((c) => c.type === 'StartMissingEpisode').map((c) => c.effectiveDate);
  const ends = commands.filter((c) => c.type === 'EndMissingEpisode').map((c) => c.effectiveDate);
  return starts.map((start, i) => [start, ends[i] ?? '']);
}

describe('generateChild (property): every drawn journey is one the domain and the 903 accept', () => {
  const seeds = fc.string({ minLength: 1, maxLength: 12 });
  const years = fc.integer({ min: 1, max: 10 });
  const index = fc.integer({ min: 0, max: 99_999 });

  it('runs through the real decider with no refusal', () => {
    fc.assert(
      fc.property(seeds, years, index, (seed, span, i) => {
        const child = childAt(seed, span, i);
        accepted(child.commands, child.profile.childId);
      }),
      {
        numRuns: 400,
        examples: [
          // A leaver on 30 March, 18 on 31 March: the contact that day reached the store before the end of care.
          ['demo', 2, 1413],
          // Care from 30 March for a day: the end moved off 31 March landed on the first day of care.
          ['b', 10, 1096],
          ['s1', 5, 55],
          // 18 on 31 March 2024, so leaving on 30 March at 17: not E17 (the bench's ten-year authority).
          ['bench-authority', 10, 495],
        ],
      },
    );
  });

  it('has no missing episode open over a 31 March (the validator then reports 575 and 577)', () => {
    fc.assert(
      fc.property(seeds, years, index, (seed, span, i) => {
        for (const [start, end] of missingEpisodes(childAt(seed, span, i).commands)) {
          const yearEnd = `${start.slice(0, 4)}-03-31`;
          expect({ start, end, open: start <= yearEnd && end > yearEnd }).toEqual({
            start,
            end,
            open: false,
          });
        }
      }),
      // Missing from 31 March 2024, back on 4 April: MIS_END blank in the 2023/24 return.
      { numRuns: 400, examples: [['round-trip', 2, 25]] },
    );
  });

  it.each([2, 10])(
    'Given 500 children over %i years, When each journey is decided, Then none is refused',
    (span) => {
      const refusals: string[] = [];
      for (let i = 0; i < 500; i++) {
        const child = childAt('property', span, i);
        try {
          accepted(child.commands, child.profile.childId);
        } catch (error) {
          refusals.push(`child ${i}: ${(error as Error).message}`);
        }
      }
      expect(refusals).toEqual([]);
    },
  );
});
