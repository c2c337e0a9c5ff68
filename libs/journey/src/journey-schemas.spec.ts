import { JOURNEY_SCHEMAS, type JourneySchemas } from './event-schema';
import { schemaHistoryProblems } from './testing/schema-history';
import { VERSION_1_EXAMPLES } from './testing/schema-examples';

const review = { childId: 'c1', effectiveDate: '2024-06-03', participation: 'PN1' };
const renamed = ({ participation, ...data }: Record<string, unknown>) => ({
  ...data,
  participationCode: participation,
});

describe('the version history of the journey events (JOURNEY_SCHEMAS)', () => {
  it('Given the real table, When it is checked, Then every raised type has an upcaster per step, pure on its example', () => {
    expect(schemaHistoryProblems(JOURNEY_SCHEMAS, VERSION_1_EXAMPLES)).toEqual([]);
  });

  it('Given a type raised to 3 with only the 1→2 upcaster, When checked, Then the missing step is named', () => {
    const schemas: JourneySchemas = {
      current: { StatutoryReviewHeld: 3 },
      upcasters: { StatutoryReviewHeld: { 1: renamed } },
    };
    expect(schemaHistoryProblems(schemas, { StatutoryReviewHeld: review })).toEqual([
      'StatutoryReviewHeld: no upcaster from 2 to 3',
    ]);
  });

  it('Given an upcaster that changes its input or returns it, When checked, Then it is named as not pure', () => {
    const mutates: JourneySchemas = {
      current: { StatutoryReviewHeld: 2 },
      upcasters: {
        StatutoryReviewHeld: {
          1: (data) => {
            data['participation'] = 'PN2';
            return { ...data };
          },
        },
      },
    };
    const returnsInput: JourneySchemas = {
      current: { StatutoryReviewHeld: 2 },
      upcasters: { StatutoryReviewHeld: { 1: (data) => data } },
    };
    expect(schemaHistoryProblems(mutates, { StatutoryReviewHeld: review })).toEqual([
      expect.stringMatching(/^StatutoryReviewHeld: upcaster from 1 throws on the example/),
    ]);
    expect(schemaHistoryProblems(returnsInput, { StatutoryReviewHeld: review })).toEqual([
      'StatutoryReviewHeld: upcaster from 1 returns its input; it must return new data',
    ]);
  });

  it('Given a raised type with no example, an upcaster past the current version, or upcasters of a type not raised, When checked, Then each is named', () => {
    const schemas: JourneySchemas = {
      current: { StatutoryReviewHeld: 2, PermanencePlanSet: 0 },
      upcasters: { StatutoryReviewHeld: { 1: renamed, 2: renamed }, ChildRegistered: { 1: renamed } },
    };
    expect(schemaHistoryProblems(schemas, {})).toEqual([
      'StatutoryReviewHeld: upcaster from 2 is outside 1..1',
      'StatutoryReviewHeld: no version-1 example to run its upcasters on (testing/schema-examples.ts)',
      'PermanencePlanSet: current version 0 is not a whole number >= 1',
      'ChildRegistered: has upcasters but no current version above 1',
    ]);
  });

  it('Given a complete history, When checked, Then nothing is named', () => {
    const schemas: JourneySchemas = {
      current: { StatutoryReviewHeld: 2 },
      upcasters: { StatutoryReviewHeld: { 1: renamed } },
    };
    expect(schemaHistoryProblems(schemas, { StatutoryReviewHeld: review })).toEqual([]);
  });
});
