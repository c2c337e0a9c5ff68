import type { JourneySchemas } from '@care-journey/journey';
import { heldCliWrites } from './schema-writes-held';

/** A build that raised StatutoryReviewHeld to 2 (spec-only: every type is at 1 in this build). */
const RAISED: JourneySchemas = {
  current: { StatutoryReviewHeld: 2 },
  upcasters: { StatutoryReviewHeld: { 1: (data) => ({ ...data }) } },
};
const NONE_RAISED: JourneySchemas = { current: {}, upcasters: {} };

describe('heldCliWrites: import-903 and seed under CARE_JOURNEY_SCHEMA_WRITES', () => {
  it('Given held and a build raising StatutoryReviewHeld to 2, When import-903 starts, Then it is refused, naming the type, version and setting', () => {
    expect(heldCliWrites('import-903', { CARE_JOURNEY_SCHEMA_WRITES: 'held' }, RAISED)).toBe(
      'import-903: StatutoryReviewHeld v2 is written once every process reads it: set ' +
        'CARE_JOURNEY_SCHEMA_WRITES=current after upgrading every API, projector and CLI; nothing written',
    );
  });

  it('Given current or unset, or held with every type at 1, Then the writer runs', () => {
    expect(heldCliWrites('seed', {}, RAISED)).toBeUndefined();
    expect(heldCliWrites('seed', { CARE_JOURNEY_SCHEMA_WRITES: 'current' }, RAISED)).toBeUndefined();
    expect(heldCliWrites('seed', { CARE_JOURNEY_SCHEMA_WRITES: 'held' }, NONE_RAISED)).toBeUndefined();
  });

  it('Given another value, Then it is refused naming the variable and the values', () => {
    expect(heldCliWrites('seed', { CARE_JOURNEY_SCHEMA_WRITES: 'previous' }, NONE_RAISED)).toBe(
      'seed: CARE_JOURNEY_SCHEMA_WRITES: must be one of current, held (default current), got "previous"; nothing written',
    );
  });
});
