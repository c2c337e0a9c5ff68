import type { EndMissingEpisode, StartMissingEpisode } from '../commands';
import type { JourneyEvent } from '../events';
import { given } from '../testing/decider-specification';
import { CHILD, careEnded, inCare, meta, registered, step } from '../testing/fixtures';

const start = (effectiveDate: string, kind: 'M' | 'A' = 'M'): StartMissingEpisode => ({
  type: 'StartMissingEpisode',
  childId: CHILD,
  effectiveDate,
  kind,
  ...meta(),
});
const end = (effectiveDate: string): EndMissingEpisode => ({
  type: 'EndMissingEpisode',
  childId: CHILD,
  effectiveDate,
  ...meta(),
});
const started = (effectiveDate: string): JourneyEvent => ({
  type: 'MissingEpisodeStarted',
  data: { childId: CHILD, effectiveDate, kind: 'M' },
});

describe('StartMissingEpisode', () => {
  it('records a missing episode', () =>
    given(inCare)
      .when(start('2024-09-14'))
      .then([started('2024-09-14')]));
  it('needs care', () =>
    given([registered]).when(start('2024-09-14')).thenThrows('missing-episode-outside-period-of-care'));
  it('checks the kind', () =>
    given(inCare)
      .when(start('2024-09-14', 'X' as never))
      .thenThrows('invalid-missing-kind', 'kind'));
  it('one at a time', () =>
    given([...inCare, started('2024-09-14')])
      .when(start('2024-09-15'))
      .thenThrows('missing-episode-already-open'));
  it('not before the last one ended', () =>
    given([...inCare, started('2024-09-14'), step('MissingEpisodeEnded', '2024-09-16')])
      .when(start('2024-09-15'))
      .thenThrows('missing-start-before-last-end'));
});

describe('EndMissingEpisode', () => {
  it('ends it', () =>
    given([...inCare, started('2024-09-14')])
      .when(end('2024-09-15'))
      .then([step('MissingEpisodeEnded', '2024-09-15')]));
  it('may end after care ended', () =>
    given([...inCare, started('2024-09-14'), careEnded('2024-10-01', 'E8')])
      .when(end('2024-10-03'))
      .then([step('MissingEpisodeEnded', '2024-10-03')]));
  it('cannot end one not started', () =>
    given(inCare).when(end('2024-09-15')).thenThrows('no-missing-episode-open'));
  it('not before it started', () =>
    given([...inCare, started('2024-09-14')])
      .when(end('2024-09-13'))
      .thenThrows('missing-end-before-start'));
});
