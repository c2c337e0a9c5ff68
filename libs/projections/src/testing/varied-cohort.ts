/**
 * Test helper: a cohort for specs that compare two ways of listing or reporting drift: seeded random
 * journeys (late entries, corrections, second periods of care), the sample cohort, and children whose
 * care ended every way a rule might still care about (an adoption order, leaving at 18, a placement
 * order then care ended) beside some still looked after (at 18, on short breaks).
 */
import { journey, type JourneyBuilder } from './journey-builder';
import { sampleCohort } from './log-fixtures';
import { randomJourneys } from './random-journeys';

export function variedCohort(): JourneyBuilder[] {
  const adopted = journey('adopted')
    .registered('2019-01-01', { dateOfBirth: '2018-05-01' })
    .startCare('2019-01-01', 'C2')
    .adoptionDecision('2019-06-01')
    .placementOrder('2019-09-01')
    .match('2019-10-01')
    .placedForAdoption('2019-11-01')
    .adopted('2020-06-01');
  const leftAt18 = journey('left-at-18')
    .registered('2019-01-01', { dateOfBirth: '2004-02-29' })
    .startCare('2019-01-01', 'C2')
    .review('2019-01-20')
    .endCare('2022-03-01', 'E8');
  const stillInAt18 = journey('still-in-at-18')
    .registered('2019-01-01', { dateOfBirth: '2006-07-31' })
    .startCare('2019-01-01', 'C2');
  const shortBreaks = journey('short-breaks').registered('2023-01-01').startCare('2023-01-01', 'V3', 'P1');
  const placedThenEnded = journey('placed-then-ended')
    .registered('2022-01-01', { dateOfBirth: '2021-03-01' })
    .startCare('2022-01-01', 'C2')
    .adoptionDecision('2022-04-01')
    .placementOrder('2022-06-01')
    .endCare('2022-08-01', 'E13');
  return [
    ...randomJourneys(50, 25, 9),
    ...sampleCohort(24),
    adopted,
    leftAt18,
    stillInAt18,
    shortBreaks,
    placedThenEnded,
  ];
}
